# %% [markdown] lang="en"
# # 12 · Dynamic change: when the map moves
#
# **Time:** 10 minutes teaching + 40 minutes exercises + 15 minutes debrief
#
# **Questions**
# - What happens to a power map when people, money or competitors move?
# - How do I see exactly what changed between two versions of a map?
# - Which actions change when the power moves?
#
# **Objectives:** after this module you can
# - name the kinds of change that make a map stale, and keep yours dated and current;
# - update a case map after a dated event and check the update;
# - compare two versions of a map and say what the change means for the plan.

# %% [markdown] lang="zh"
# # 12 · 动态变化：当地图发生变化
#
# **时间：** 讲解10分钟＋练习40分钟＋复盘15分钟
#
# **本模块回答的问题**
# - 人员、预算或竞争对手一动，权力地图会怎样？
# - 怎样准确看出同一张地图两个版本之间变了什么？
# - 权力转移之后，哪些行动要跟着变？
#
# **学完本模块，你能够**
# - 说出让地图过时的几类变化，并让自己的地图始终标注日期、保持最新；
# - 根据一件有日期的事件更新案例地图，并检查更新是否到位；
# - 对比地图的两个版本，说清这些变化对行动计划意味着什么。

# %% [markdown] lang="en" tags=["trainer"]
# ## Module 12 · facilitator notes
#
# **Sources:** seed 000 §6 names dynamic change (动态变化) as a standing challenge: the
# customer's power structure can change at any time, so the map needs regular updates.
# Seed 002 names transfers and reorganisations (人员调动、组织架构调整) and asks for regular
# updates; seed 004 says relationships are dynamic. The twists are ours: the IT case brings
# in a new approver from outside, the medical case a competitor's move.
#
# **Prerequisite:** learners have submitted their maps in modules 10 and 11 (the updates
# start from them). A learner without one starts from an empty map: pair them with
# someone who has one.
#
# **Timing (65 min):** teaching 10 · IT twist 20 · medical twist 20 · debrief 15.
#
# **Key message:** a map is a snapshot. Date what you verify, re-verify before every major
# move, and when the power moves, move the plan: who gets our executives' time, what story
# they carry, which relationships suddenly matter.
#
# **Common misconceptions:** updating only the person named in the news (ask: when one
# person's power rises, whose falls? who reports to whom now?); treating a competitor's move as
# "nothing changed on the map" (ask: whose stance could it move, and on what evidence?).
#
# **Debrief:** in your own copy, `print(pk.compare(case.key, case.twist_key))` lists what
# the twist changed in the key; show it only after the room has submitted its updates.

# %% [markdown] lang="zh" tags=["trainer"]
# ## 模块12 · 讲师备注
#
# **出处：** 种子000 §6把动态变化列为长期挑战：客户的权力结构随时可能变化，地图需要定期更新。种子002点出人员调动和组织架构调整，要求定期更新；种子004强调关系是动态的。两个变化事件是我们设计的：IT案例里来了一位外部空降的审批人，医疗案例里是竞争对手的一步棋。
#
# **前提：** 学员已在模块10和11提交地图（更新从那张图开始）。没有地图的学员会从空白地图开始，请让他和有地图的同学结对。
#
# **时间安排（65分钟）：** 讲解10分钟 · IT案例变化20分钟 · 医疗案例变化20分钟 · 复盘15分钟。
#
# **核心信息：** 地图是一张快照。核实过的信息要标日期，每次重大行动前重新核实；权力一转移，计划就要跟着转：我方高层的时间给谁、带什么话、哪些关系突然变得重要。
#
# **常见误区：** 只更新新闻里点名的那个人（追问：有人的权力上升了，谁的权力随之下降？现在谁向谁汇报？）；认为竞争对手的动作“不影响地图”（追问：它可能改变谁的态度？依据是什么？）。
#
# **复盘：** 在你自己的副本里运行 `print(pk.compare(case.key, case.twist_key))`，即可列出变化事件在答案里改了什么；等全班提交更新后再展示。

# %%
import powermap_kit as pk
from powermap_kit import compare, course, load_case, work_path
from powermap_kit.widgets import MapBuilder, SubmitButton

pk.set_language("{{lang}}")
it_case = load_case("it-solution")
md_case = load_case("medical-device")

# %% [markdown] lang="en"
# ## Maps go stale
#
# A customer's power structure can change at any time. The usual causes:
#
# | change | what it does to the map |
# |---|---|
# | a transfer, promotion or departure | roles and power move; reporting lines change; a coach may lose access |
# | a new approver from outside | a person you have never met now signs; their priorities are unknown |
# | a reorganisation | departments merge; who evaluates and who approves is redrawn |
# | a competitor's move | stances can shift; a supporter may waver, a blocker may gain an argument |
# | a budget cut or new rule | the decision mode or the stage can change; finance gains weight |
#
# So record *when* you verified each person: the analysis flags information that is old.

# %% [markdown] lang="zh"
# ## 地图会过时
#
# 客户的权力结构随时可能变化，常见原因有：
#
# | 变化 | 对地图的影响 |
# |---|---|
# | 人员调动、晋升或离职 | 角色和权力随之变化，汇报线改变，教练可能失去接触渠道 |
# | 外部空降的审批人 | 一个从没见过的人开始签字，他的关注点一无所知 |
# | 组织架构调整 | 部门合并，谁评估、谁审批要重新划定 |
# | 竞争对手出招 | 态度可能松动：支持者可能动摇，阻碍者可能多了理由 |
# | 预算削减或新规定 | 决策模式或采购阶段可能改变，财务的分量上升 |
#
# 所以每个人的信息都要记下“何时核实”：分析功能会标出过期的信息。

# %% [markdown] lang="en"
# `compare(old, new)` lists what changed between two versions of a map: people added or
# removed, roles, power, stance and coach changed, lines added or removed, a new stage or
# decision mode. Here it compares the colleague's practice map of module 08 with its
# corrected version:

# %% [markdown] lang="zh"
# `compare(旧版, 新版)` 会列出两版地图之间的变化：增减了哪些人，角色、权力、态度、教练标记有何变化，增删了哪些关系线，阶段或决策模式是否改变。下面对比模块08里同事的练习地图和修正后的版本：

# %%
print(compare(course.colleague_map(), course.practice_key()))

# %% [markdown] lang="en"
# ## 1. The IT case: news after the bids
#
# Start from the map you submitted in module 10 (if you have none yet, you start from an
# empty map: go back to module 10 first). Read the news, then change what it changes:
# roles, power, lines, and anything you now see differently. The update is saved
# separately, so your case map stays as it was.

# %% [markdown] lang="zh"
# ## 1. IT案例：投标之后的新消息
#
# 从你在模块10提交的地图开始（如果还没有，这里会是一张空白地图：请先回到模块10）。读完这条消息，把它带来的变化画上去：角色、权力、关系线，以及你现在看法不同的地方。更新另存一份，你的案例地图保持原样。

# %%
it_before = course.saved_map(work_path("it-solution/{learner}.json"), fallback=it_case.blank_map())
it_case.twist_document

# %%
it_builder = MapBuilder(it_before.copy(), path=work_path("it-solution-twist/{learner}.json"))
course.with_fallback(it_builder, course.map_picture(it_builder.map))

# %% [markdown] lang="en"
# Check your update: it says which kinds of change you have made and which you have not
# looked at yet, not what the answer is.

# %% [markdown] lang="zh"
# 检查你的更新：结果会告诉你哪些方面已经改到、哪些还没顾及，但不会给出答案。

# %%
course.check_twist_update(it_before, it_builder.map, it_case)

# %% [markdown] lang="en"
# Your changes, as `compare` lists them, then submit the update:

# %% [markdown] lang="zh"
# 用 `compare` 列出你做的改动，然后提交更新：

# %%
print(compare(it_before, it_builder.map))

# %%
SubmitButton(it_builder)

# %% [markdown] lang="en"
# ### Discuss
#
# Our VP can give this deal one executive meeting. Who gets it now, with what message, and
# requested through whom? What would you have done differently had every rating carried
# the date you verified it?

# %% [markdown] lang="zh"
# ### 讨论
#
# 我方副总只能为这个项目安排一次高层会面。现在应该见谁？带什么话？通过谁去约？如果当初每一项判断都标了核实日期，你会有哪些不同的做法？

# %% [markdown] lang="en"
# ## 2. The medical case: a competitor moves
#
# Start from the map you submitted in module 11. Read the news and update the map: whose
# stance could move, on what evidence, and what does it do to the people you planned to
# reach first?

# %% [markdown] lang="zh"
# ## 2. 医疗案例：竞争对手出招
#
# 从你在模块11提交的地图开始。读完消息后更新地图：谁的态度可能变化？依据是什么？这对你原先计划首先接触的人有什么影响？

# %%
md_before = course.saved_map(work_path("medical-device/{learner}.json"), fallback=md_case.blank_map())
md_case.twist_document

# %%
md_builder = MapBuilder(md_before.copy(), path=work_path("medical-device-twist/{learner}.json"))
course.with_fallback(md_builder, course.map_picture(md_builder.map))

# %%
course.check_twist_update(md_before, md_builder.map, md_case)

# %%
print(compare(md_before, md_builder.map))

# %%
SubmitButton(md_builder)

# %% [markdown] lang="en"
# ### Discuss
#
# A competitor's move rarely shows up in an org chart. Which signals would have warned you
# earlier, and who in the hospital could have told you?

# %% [markdown] lang="zh"
# ### 讨论
#
# 竞争对手的动作很少体现在组织架构图上。哪些信号本可以更早提醒你？医院里谁本可以告诉你？

# %% [markdown] lang="en"
# ## Key points
#
# - A power map is a snapshot: transfers, new approvers, reorganisations, competitors'
#   moves and budget changes redraw it. Date what you verify.
# - `compare(old, new)` shows exactly what changed — the same engine that checks maps.
# - When the power moves, the plan moves: who gets our executives' time, what story they
#   carry, which relationships suddenly matter.
#
# More practice: [workbook 12](../../exercises/en/12_dynamic_change_exercises.ipynb)
#
# ---
# [Previous: 11 Case: medical device](11_case_medical_device.ipynb) · [Next: 13 Reviewing maps](13_coach_review.ipynb)

# %% [markdown] lang="zh"
# ## 要点回顾
#
# - 权力地图是一张快照：人员调动、空降审批人、组织调整、竞争对手出招和预算变化都会改写它。核实过的信息要标日期。
# - `compare(旧版, 新版)` 准确列出变化——它和检查地图用的是同一套引擎。
# - 权力一转移，计划就跟着转：我方高层的时间给谁、带什么话、哪些关系突然变得重要。
#
# 更多练习：[练习册12](../../exercises/zh/12_dynamic_change_exercises.ipynb)
#
# ---
# [上一节：11 案例：医疗器械](11_case_medical_device.ipynb) · [下一节：13 带教复盘](13_coach_review.ipynb)

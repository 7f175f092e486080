# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] lang="en"
# # 08 · Analysing a map
#
# **Time:** 25 minutes teaching + 25 minutes exercises
#
# **Questions**
# - Whom do I contact first?
# - Who has more weight than the map shows?
# - Where do interests clash, and how do I find a balance point?
# - What could lose us this deal?
#
# **Objectives:** after this module you can
# - place people in the power matrix (权力矩阵) — power × influence — and read off whom to contact first;
# - read the support matrix, a second view (power × stance), to decide how to treat each person;
# - spot hidden power from the relationship lines;
# - find an introduction route to a key person nobody covers;
# - propose a balance point (平衡点) for an interest conflict;
# - read the risks and the status of an analysis without trusting it blindly.

# %% [markdown] lang="zh"
# # 08 · 分析权力地图
#
# **时间：** 讲解25分钟＋练习25分钟
#
# **本单元回答**
# - 先接触谁？
# - 谁的实际分量比地图上标的大？
# - 哪里有利益冲突？怎样找到平衡点？
# - 哪些风险会让我们丢单？
#
# **学完本单元，你能够**
# - 用权力矩阵（权力×影响力）给每个人定位，判断优先接触的对象；
# - 读懂第二个视角——支持度矩阵（权力×态度），决定怎样对待每个人；
# - 从关系连线中发现隐性权力；
# - 为没人覆盖的关键人找到引荐路径；
# - 为利益冲突提出平衡点；
# - 读懂分析给出的风险和状态，同时不盲目相信它。

# %%
import powermap_kit as pk
from powermap_kit import analyse, course
from powermap_kit.course import engagement as eg
from powermap_kit.widgets import Exercise, choose, choose_each, pick

pk.set_language("{{lang}}")
pm = eg.example("08_huachuan_cold_chain")
result = analyse(pm, today="2026-11-20")

# %% [markdown] lang="en" tags=["trainer"]
# ## Facilitator notes: 08 · Analysing a map
#
# **Timing (50 min):** the deal 3 · power matrix 12 (exercise 1: 6) · hidden power 8
# (exercise 2: 4) · routes 4 · conflicts 10 (exercise 3: 5) · risks and status 8 · key points 5.
#
# **Key message:** a map is only useful once it is read. The power matrix says *whom* to
# contact first (power × influence); the support matrix says *how* to treat them (power ×
# stance). The analysis is a starting point, never a verdict.
#
# **Sources:** the power matrix, communication paths and interest conflicts are seed 000 §4
# ("评估各角色的影响力和权力，从而确定优先接触的对象"; "找到平衡点"). The channels (visit, phone,
# email) are seed 004. Hidden power retells seed 002's education-software case (the dean of
# academic affairs decided; 40% shorter cycle after re-targeting). Over-reliance on the map is
# seed 000 §6. The support matrix (power × stance) and its quadrant names are **ours**, built
# on seed 002's "win supporters, convert the neutral, handle opponents". The influence estimate
# from the relationship lines (PageRank) is ours too.
#
# **The example:** Huachuan Cold Chain is the course's own example (not one of the cases), so
# nothing here gives away a case key.

# %% [markdown] lang="zh" tags=["trainer"]
# ## 讲师备注：08 · 分析权力地图
#
# **时间安排（50分钟）：** 案例背景3 · 权力矩阵12（练习一6）· 隐性权力8（练习二4）· 引荐路径4 · 利益冲突10（练习三5）· 风险与状态8 · 要点回顾5。
#
# **核心信息：** 地图画出来只是开始，读懂它才有用。权力矩阵回答“先接触谁”（权力×影响力）；支持度矩阵回答“怎样对待他”（权力×态度）。分析结果是起点，不是结论。
#
# **出处：** 权力矩阵、沟通路径、利益冲突三种分析方法见种子000第四节（“评估各角色的影响力和权力，从而确定优先接触的对象”；“在谈判中找到平衡点”）。拜访、电话、邮件三种沟通方式见种子004。隐性权力一节改写自种子002的教育软件案例（真正拍板的是教务处处长，调整方向后成交周期缩短40%）。过度依赖地图的风险见种子000第六节。支持度矩阵（权力×态度）及其象限名称是**我们的补充**，依据种子002“争取支持者、转化中立者、应对反对者”。用关系连线估算影响力（PageRank）也是我们的做法。
#
# **示例说明：** 华川冷链是课程自带的示例，不是四个案例之一，不会泄露任何案例答案。

# %% [markdown] lang="en"
# ## The deal
#
# Huachuan Cold Chain Logistics wants to monitor temperature end to end, from cold room to
# truck. The project is at **internal project approval**: the VP Operations is preparing the
# request that the General Manager will sign. Nine people are on our map. Below is what our
# team has learned about them, in words — no ratings yet.

# %% [markdown] lang="zh"
# ## 案例背景
#
# 华川冷链物流想实现从冷库到车辆的全程温控监测。项目处在**内部立项**阶段：运营副总裁正在准备立项报告，最后由总经理签字。我们的地图上有九个人。下面是团队了解到的情况，只有文字描述，还没有打分。

# %%
eg.known_table(pm)

# %% [markdown] lang="en"
# ## 1. The power matrix: whom to contact first
#
# The power matrix weighs two things for each person and sets the **contact priority** from them:
#
# - **power** (权力): what the person can decide or stop on their own;
# - **influence** (影响力): how much the others weigh their view — who waits for them, who asks them first.
#
# High means 4 or 5 on a 1–5 scale. The four quadrants, and what each asks of you:

# %% [markdown] lang="zh"
# ## 1. 权力矩阵：先接触谁
#
# 权力矩阵对每个人看两件事，据此确定**优先接触的对象**：
#
# - **权力**：此人自己能拍板或否决什么；
# - **影响力**：别人有多看重他的意见——谁在等他表态，谁先去问他。
#
# 按1–5分打分，4分或5分算“高”。四个象限及各自的做法如下：

# %%
eg.quadrant_guide()

# %% [markdown] lang="en"
# ### Exercise 1 (6 minutes): place four people
#
# Using only what we know about them (the table above), put each of these four people in a
# quadrant. Then press **Check**.

# %% [markdown] lang="zh"
# ### 练习一（6分钟）：给四个人定位
#
# 只根据上表中了解到的情况，把下面四个人分别放进一个象限，然后点击**检查**。

# %%
ex_matrix = Exercise("08.matrix", lambda a: eg.check_matrix(pm, a, ["shao", "dai", "luo", "gong"]),
                     choose_each(eg.people_items(pm, ["shao", "dai", "luo", "gong"]), eg.quadrant_options()))
ex_matrix

# %% [markdown] lang="en"
# Here is the whole matrix. The dot colour is the person's stance toward us. Notice the
# friendly IT manager: he likes us, but he is not where the deal is decided.

# %% [markdown] lang="zh"
# 下面是完整的矩阵，圆点颜色代表此人对我方的态度。注意那位友好的信息部经理：他喜欢我们，但项目并不在他那里拍板。

# %%
eg.matrix_picture(pm)

# %% [markdown] lang="en"
# ### A second view: the support matrix
#
# Once you know whom to contact, the **support matrix** — power × stance toward us — tells you
# how to treat them: equip powerful allies, win the powerful who are not yet with us, keep
# supporters involved, and stop the others from becoming blockers. People whose stance is
# unknown are not placed: that is the first thing to find out, never a polite "neutral".

# %% [markdown] lang="zh"
# ### 第二个视角：支持度矩阵
#
# 知道了先接触谁，再用**支持度矩阵**（权力×对我方的态度）决定怎样对待他：武装有权的盟友，争取尚未站到我方的有权者，让支持者持续参与，防止其他人变成反对者。态度未知的人不放进矩阵：这正是要先摸清的信息缺口，不能客气地记成“中立”。

# %%
eg.matrix_picture(pm, view="support")

# %% [markdown] lang="en" tags=["trainer"]
# **Section 1 notes.** *Misconception:* "the matrix is power × how much they like us". Seed
# 000's matrix is power × influence and sets *priority*; stance comes second. Ask: "Who is in
# *Contact first*?" — expected: Shao Liqun and Yao Zhendong. "Why is Gong Zhihang not there?" —
# he is friendly, but little power and little influence: the single-threading trap. "Why is
# Gan Hong not placed?" — nobody knows what he decides; find out. *Ahead:* ask them to place
# Yu Xiaoyan before section 2. *Behind:* do exercise 1 together for Shao Liqun only.

# %% [markdown] lang="zh" tags=["trainer"]
# **第1节备注。** *常见误解：*“矩阵就是权力×对我们的好感”。种子000的矩阵是权力×影响力，用来定*优先顺序*；态度是第二步。提问：“谁在‘优先接触’里？”——应答：邵立群和姚振东。“为什么龚志航不在？”——他友好，但权力和影响力都不大：这就是“单线联系”的陷阱。“为什么甘宏没有定位？”——没人知道他能决定什么，要先去摸清。*进度快：* 在第2节之前让学员先给俞晓燕定位。*进度慢：* 全班一起只做邵立群这一项。

# %% [markdown] lang="en"
# ## 2. Hidden power
#
# A team selling education software spent months with a college's IT department; the real
# decision maker turned out to be the dean of academic affairs. Once they re-targeted, the
# deal closed in a much shorter cycle. Titles and first impressions hide power. The lines on
# the map show it: who reports to whom, and who listens to whom (an arrow from A to B means A
# sways B).

# %% [markdown] lang="zh"
# ## 2. 隐性权力
#
# 有个教育软件团队在一所学院的信息部门耗了几个月，后来才发现真正拍板的是教务处处长。调整方向之后，成交周期大大缩短。头衔和第一印象会掩盖权力，地图上的连线却能把它显出来：谁向谁汇报，谁听谁的（从甲指向乙的箭头表示甲能影响乙）。

# %%
course.map_picture(pm)

# %% [markdown] lang="en"
# ### Exercise 2 (4 minutes): who weighs more than the map says?
#
# Follow the arrows. Whom do the powerful ask first? Pick the person (or people) whose weight
# is greater than the power the map gives them.

# %% [markdown] lang="zh"
# ### 练习二（4分钟）：谁的分量比地图上标的大？
#
# 顺着箭头看：有权的人先问谁？选出实际分量大于地图所标权力的人（一人或多人）。

# %%
ex_hidden = Exercise("08.hidden", lambda a: eg.check_hidden(pm, a), pick(eg.people_items(pm)))
ex_hidden

# %% [markdown] lang="en"
# After you have answered, the network ranking explains the finding: everyone ranked by
# their place in the web of lines, and flagged where the lines say more than the map.

# %% [markdown] lang="zh"
# 作答之后再看网络排名：按每个人在关系网中的位置排序，连线显示的分量明显超过地图所标权力的人会被标出。

# %%
course.analysis_table(result, "hidden")

# %% [markdown] lang="en" tags=["trainer"]
# **Section 2 notes.** Expected answer: Yu Xiaoyan (key-account quality manager, power 2 on the
# map): the GM, the VP Operations, the warehouse director and the CFO all listen to her. Prompt:
# "What does her weight change in our plan?" — we need her early; she is a route to the GM and
# shapes what "safe" means to him. *Misconception:* "hidden power = a secret boss". Usually it
# is an expert or a trusted adviser. The estimate is only as good as the lines: an unrecorded
# line hides a person again.

# %% [markdown] lang="zh" tags=["trainer"]
# **第2节备注。** 应答：俞晓燕（大客户质量经理，地图上权力只有2）：总经理、运营副总裁、仓储总监和财务总监都听她的。提问：“她的分量会怎样改变我们的计划？”——要尽早接触她；她是通往总经理的路径，也左右着总经理心中“稳妥”的标准。*常见误解：*“隐性权力就是幕后老板”。多数时候是专家或受信任的参谋。估算的可靠程度取决于连线：漏记一条线，这个人就又被藏起来了。

# %% [markdown] lang="en"
# ## 3. Communication routes
#
# The communication path (沟通路径) asks how information flows between people, and how to reach
# each one. Nobody on our side knows the General Manager, the VP Operations or the CFO yet.
# The route finder starts from the people we do reach and walks the lines to each key person
# nobody covers. A route is an introduction to earn, link by link, not a message to pass on.

# %% [markdown] lang="zh"
# ## 3. 沟通路径
#
# 沟通路径分析看信息在人与人之间怎样流动、怎样才能接触到每个人。我方目前还没人认识总经理、运营副总裁和财务总监。路径分析从我们已经接触到的人出发，沿着连线找到每位无人覆盖的关键人。路径是要一环一环争取来的引荐，不是托人带个话。

# %%
course.analysis_table(result, "routes")

# %% [markdown] lang="en"
# ## 4. Interest conflicts and the balance point
#
# Interest-conflict analysis (利益冲突分析) looks for people whose interests clash, so that in
# the negotiation you can find a **balance point**: a proposal that gives each side what it
# really needs. Backing one side outright makes the other side our opponent.
#
# At Huachuan, the Director of Warehousing and the CFO are at odds over the budget: he wants
# sensors in all 40 cold rooms now; she wants this year's spending capped. He runs the
# evaluation; she holds the budget line.

# %% [markdown] lang="zh"
# ## 4. 利益冲突与平衡点
#
# 利益冲突分析找出利益相互冲突的人，以便在谈判中找到**平衡点**：一个让双方都得到真正需要之物的方案。直接站在一方，另一方就会成为我们的反对者。
#
# 在华川，仓储中心总监和财务总监为预算争执不下：他要40个冷库马上全部装上传感器，她要控制今年的投入。评估由他负责，预算却在她手里。

# %% [markdown] lang="en"
# ### Exercise 3 (5 minutes): find the balance point
#
# Which proposal would you bring to both of them?

# %% [markdown] lang="zh"
# ### 练习三（5分钟）：找到平衡点
#
# 你会向两人提出哪个方案？

# %%
ex_balance = Exercise("08.balance", lambda a: eg.check_balance_point(a, "budget"), choose(eg.balance_options("budget")))
ex_balance

# %% [markdown] lang="en"
# The analysis reads conflict lines, opponents who sway key people, and people who lean to a
# competitor. Each finding comes with advice:

# %% [markdown] lang="zh"
# 分析会读取冲突连线、能左右关键人的反对者，以及倾向竞争对手的人，并给出相应建议：

# %%
course.analysis_table(result, "conflicts")

# %% [markdown] lang="en" tags=["trainer"]
# **Section 4 notes.** Expected answer: the phased proposal (the pharma client's 12 cold rooms
# first, phase two paid from the penalties saved, with a figure the CFO can check). Prompt:
# "What does each side really need?" — Luo Bin: no unalarmed cold room where the risk is, before
# summer; Dai Wenjing: this year's spending under control and figures she can verify. Point out
# that the balance point also serves Yu Xiaoyan (section 2). *Misconception:* "a balance point
# is a discount". A discount serves neither need. *Behind:* skip the conflicts table and go to
# section 5.

# %% [markdown] lang="zh" tags=["trainer"]
# **第4节备注。** 应答：分期方案（先装医药客户的12个冷库，二期费用从省下的罚金中出，数字让财务总监自己核对）。提问：“双方真正需要的是什么？”——骆斌：夏天之前，风险大的冷库不能没有报警；戴文静：今年投入可控，数字能核实。顺带指出这个平衡点对俞晓燕（第2节）也有利。*常见误解：*“平衡点就是打折”。打折满足不了任何一方的真实需要。*进度慢：* 跳过冲突表，直接进入第5节。

# %% [markdown] lang="en"
# ## 5. Risks, support index and status
#
# Risks (风险) name what could lose the deal, each with an action: single-threading, a key role
# nobody covers, an unverified coach, stale information, an unknown stage or decision mode.
# The support index (0–100) weighs each key person's stance by power and by their role in the
# decision mode; the status — red, amber, green — sums it up.

# %% [markdown] lang="zh"
# ## 5. 风险、支持度指数与状态
#
# 风险列出可能让我们丢单的问题，每条都附有行动建议：单线联系、关键角色无人覆盖、教练未经验证、信息过时、采购阶段或决策方式不明。支持度指数（0–100）按权力和决策方式中的角色，给每位关键人的态度加权；状态（红、黄、绿）是总体判断。

# %%
result

# %%
course.analysis_table(result, "risks")

# %% [markdown] lang="en"
# An index is only as good as the ratings beneath it. A friendly contact rated "champion"
# without checking can turn a red deal green on paper: the most dangerous colour is green on a
# wrong map.
#
# ### Discuss
#
# Your sales director asks why the Huachuan forecast is red although our IT contact "is fully
# with us". Explain it in three sentences, using the power matrix and one risk.

# %% [markdown] lang="zh"
# 指数的可靠程度取决于底下的评分。一位没经核实就被评为“力挺”的友好联系人，能让一个红色的项目在纸面上变绿：最危险的颜色，是错误地图上的绿色。
#
# ### 讨论
#
# 销售总监问你：信息部的联系人“完全站在我们这边”，为什么华川的预测还是红色？请用权力矩阵和一条风险，在三句话之内解释清楚。

# %% [markdown] lang="en" tags=["trainer"]
# **Section 5 notes.** Expected discussion answer: the people in *Contact first* (the GM and
# the VP Operations) are not covered and their stance is unknown or neutral; the only
# supporters have little power (single-threading); so the index is low and the status red —
# correctly. *Ahead:* change Gong Zhihang's power to 5 in a copy of the map and re-run
# `analyse`: the status turns greener although nothing real changed — that is over-reliance.
# *Behind:* read the first two risks only.

# %% [markdown] lang="zh" tags=["trainer"]
# **第5节备注。** 讨论应答：“优先接触”象限里的人（总经理、运营副总裁）无人覆盖，态度未知或中立；仅有的支持者权力都不大（单线联系）；所以指数低、状态为红——这个判断是对的。*进度快：* 在地图副本里把龚志航的权力改成5，重新运行分析：状态变“绿”了，可现实什么都没变——这就是过度依赖。*进度慢：* 只读前两条风险。

# %% [markdown] lang="en"
# ## Key points
#
# - The power matrix (power × influence) sets whom to contact first; the support matrix (power × stance) sets how to treat them.
# - A friendly contact with little power or influence is not where the deal is decided.
# - Hidden power shows in the lines: whom do the powerful ask first?
# - A balance point gives each side what it really needs; backing one side makes the other an opponent.
# - An analysis is only as good as the ratings beneath it: check the map before you trust the colour.
#
# More practice: [workbook 08](../../exercises/{{lang}}/08_analysing_a_map_exercises.ipynb)
#
# ---
# [Previous: 07 Building a map](07_building_a_map.ipynb) · [Next: 09 Strategy and actions](09_strategy_and_actions.ipynb)

# %% [markdown] lang="zh"
# ## 要点回顾
#
# - 权力矩阵（权力×影响力）决定先接触谁；支持度矩阵（权力×态度）决定怎样对待他。
# - 权力和影响力都不大的友好联系人，不是项目拍板的地方。
# - 隐性权力藏在连线里：有权的人先问谁？
# - 平衡点让双方都得到真正需要的东西；一边倒地支持一方，另一方就会成为反对者。
# - 分析结果的可靠程度取决于底下的评分：先核实地图，再相信颜色。
#
# 更多练习：[练习册08](../../exercises/{{lang}}/08_analysing_a_map_exercises.ipynb)
#
# ---
# [上一单元：07 绘制权力地图](07_building_a_map.ipynb) · [下一单元：09 策略与行动](09_strategy_and_actions.ipynb)

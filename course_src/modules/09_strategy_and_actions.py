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
# # 09 · Strategy and actions
#
# **Time:** 30 minutes teaching + 25 minutes exercises
#
# **Questions**
# - What do I do with supporters, the neutral and opponents?
# - Which relationship step do I take next with each person?
# - Visit, phone, email or our executive: which channel, and who goes?
# - How does the map become an action plan?
#
# **Objectives:** after this module you can
# - choose a strategy per stance, including for an opponent;
# - name the kinds of trust a key person needs from you and from your company;
# - read where a relationship stands and choose the next of the five relationship steps;
# - choose the channel for a contact and pair a customer executive with the right person from our side;
# - read and export an action plan whose steps follow each person's real relationship.

# %% [markdown] lang="zh"
# # 09 · 策略与行动
#
# **时间：** 讲解30分钟＋练习25分钟
#
# **本单元回答**
# - 对支持者、中立者和反对者，分别该怎么做？
# - 和每个人，下一步该走哪个关系步骤？
# - 拜访、电话、邮件，还是请我方高层出面？派谁去？
# - 怎样把地图变成行动计划？
#
# **学完本单元，你能够**
# - 按态度选择策略，包括怎样应对反对者；
# - 说出关键人需要从你个人和你的公司身上看到哪几种信任；
# - 判断与每个人的关系走到了哪一步，选出五个关系步骤中的下一步；
# - 为一次沟通选择渠道，并为客户高层匹配我方合适的对接人；
# - 读懂并导出行动计划：其中每个人的关系步骤都以真实的关系现状为依据。

# %%
import powermap_kit as pk
from powermap_kit import analyse, course, work_path
from powermap_kit.course import engagement as eg
from powermap_kit.widgets import Exercise, choose, choose_each

pk.set_language("{{lang}}")
pm = eg.example("09_huachuan_cold_chain")

# %% [markdown] lang="en" tags=["trainer"]
# ## Facilitator notes: 09 · Strategy and actions
#
# **Timing (55 min):** strategy per stance 6 · trust 6 · relationship steps 14 (exercise 1: 7) ·
# channels 10 (exercise 2: 5) · executives 9 (exercise 3: 4) · action plan 6 · key points 4.
#
# **Key message:** the next action for each person follows from where the relationship really
# stands — not from a template. A champion we meet every week is not at "seek to work
# together"; a GM nobody knows is not reached by the account manager alone.
#
# **Sources:** per-stance strategy and handling an opponent: seed 002 (FAQ 5: understand the
# concerns, data and cases, common interest, a more senior manager or a third-party expert).
# Trust (individual: 职业信任, 专业信任, 立场信任; organisational: company strength, product and
# service, solution), the five relationship steps (谋求共事, 获取信息, 私人约会, 了解需求,
# 解决问题) and re-assessing support: seed 003 unit 4. The important visit: seed 003 unit 5.
# Executive relationships (gaps of age, status, vision, power and resources; seven steps;
# deploying our executives): seed 003 unit 6. Channels visit, phone, email: seed 004; executive
# to executive: seed 003 unit 6. **Ours:** the rule that reads the current step from the map
# (contact, shared information, one-to-one meetings, known needs, trust) and the channel and
# pairing scenarios.

# %% [markdown] lang="zh" tags=["trainer"]
# ## 讲师备注：09 · 策略与行动
#
# **时间安排（55分钟）：** 按态度定策略6 · 信任6 · 关系步骤14（练习一7）· 沟通渠道10（练习二5）· 高层关系9（练习三4）· 行动计划6 · 要点回顾4。
#
# **核心信息：** 对每个人的下一步行动，取决于关系的真实现状，而不是套模板。每周都见的力挺者不在“谋求共事”；没人认识的总经理，也不是客户经理单枪匹马就能见到的。
#
# **出处：** 按态度定策略、应对反对者：种子002（常见问题5：了解顾虑、用数据和案例、寻找共同利益、请更高层管理者或第三方专家）。个体信任（职业信任、专业信任、立场信任）、组织信任（企业实力、产品服务能力、解决方案）、建立关系的五个步骤（谋求共事、获取信息、私人约会、了解需求、解决问题）和重新评估支持度：种子003第四单元。重要拜访：种子003第五单元。高层关系（年龄、地位、眼界、权力、资源差距；开发步骤；配置我方高层资源）：种子003第六单元。拜访、电话、邮件：种子004；高层对接：种子003第六单元。**我们的补充：** 从地图读出当前关系步骤的规则（接触、分享信息、单独见面、了解需求、信任），以及沟通渠道和高层匹配的情境练习。

# %% [markdown] lang="en"
# ## 1. A strategy per stance
#
# Two weeks on at Huachuan Cold Chain. How you treat each person depends first on where they
# stand toward us: win over supporters, convert the neutral, handle opponents — and, where the
# stance is unknown, find out before you act.

# %% [markdown] lang="zh"
# ## 1. 按态度定策略
#
# 华川冷链项目又过了两周。怎样对待每个人，首先取决于他对我方的态度：争取支持者，转化中立者，应对反对者；态度未知的，先摸清再行动。

# %%
course.stance_strategies()

# %% [markdown] lang="en"
# For an opponent (反对者) the order matters: first understand their concerns and interests;
# remove doubts with data and cases; look for common interest; only then, if needed, bring in a
# more senior manager or a third-party expert. Luo Bin, our opponent at Huachuan, needs an
# alarm in every risky cold room before summer — that is the common interest to build on.

# %% [markdown] lang="zh"
# 应对反对者要讲顺序：先了解他的顾虑和利益诉求；用数据和案例消除疑虑；寻找共同利益；必要时再请更高层的管理者或第三方专家出面。华川项目中的反对者骆斌，需要在夏天之前让每个有风险的冷库都装上报警——这正是可以建立共识的共同利益。

# %% [markdown] lang="en"
# ## 2. Trust, and the five relationship steps
#
# Support grows through trust. A key person trusts **you** in three ways: professional trust
# (职业信任), expertise trust (专业信任) and stance trust (立场信任); and **your company** on
# three grounds: company strength, product and service capability, and the solution.

# %% [markdown] lang="zh"
# ## 2. 信任与建立关系的五个步骤
#
# 支持度靠信任来提升。关键人对**你个人**的信任有三个维度：职业信任、专业信任、立场信任；对**你的公司**的信任有三项内容：企业实力、产品服务能力、解决方案。

# %%
course.trust_table()

# %% [markdown] lang="en"
# Trust is built step by step. A relationship with a key person grows in five steps, each
# resting on the one before: seek to work together (谋求共事) → get information (获取信息) →
# one-to-one meeting (私人约会) → understand needs (了解需求) → solve problems (解决问题). After
# the fifth, re-assess their support. The third step is where good practice and compliance
# meet: a one-to-one conversation on work topics, at a proper time and place, with nothing
# exchanged that you could not disclose to the customer.

# %% [markdown] lang="zh"
# 信任要一步步建立。与关键人建立关系分五个步骤，每一步都以前一步为基础：谋求共事→获取信息→私人约会→了解需求→解决问题。走完第五步，重新评估他的支持度。第三步是职业操守与合规的交汇点：在合适的时间和地点一对一谈工作，不交换任何不能向客户公开的东西。

# %%
course.relationship_steps()

# %% [markdown] lang="en"
# ### Exercise 1 (7 minutes): the next step for each person
#
# Read where we stand with each of these four people. For each one, find the last step we have
# really reached, and choose the step to work on next (or "re-assess their support" if all five
# are done).

# %% [markdown] lang="zh"
# ### 练习一（7分钟）：每个人的下一步
#
# 读一读我们和下面四个人的关系现状。找出每个人真正走到的最后一步，再选出接下来要做的那一步（五步都已走完的，选“重新评估支持度”）。

# %%
eg.known_table(pm, ["shao", "gong", "dai", "luo"])

# %%
ex_steps = Exercise("09.steps", lambda a: eg.check_steps(pm, a, ["shao", "gong", "dai", "luo"]),
                    choose_each(eg.people_items(pm, ["shao", "gong", "dai", "luo"]), eg.step_options()))
ex_steps

# %% [markdown] lang="en" tags=["trainer"]
# **Section 2 notes.** Expected answers: Shao Liqun → one-to-one meeting (she shares
# information in meetings, never met alone); Gong Zhihang → re-assess support (all five steps
# done: weekly contact, known needs, a problem solved — check his power before counting on
# him); Dai Wenjing → seek to work together (never met); Luo Bin → solve problems (one-to-ones
# monthly, his need is known: solve it — the phased rollout of notebook 08). *Misconception:*
# "everyone starts at step 1". Ask: "What would the old plan have told us to do with Gong?" —
# "seek to work together", which wastes his goodwill. Compliance prompt: where does a
# one-to-one meeting stop being professional? *Ahead:* ask for the next step for Yu Xiaoyan.

# %% [markdown] lang="zh" tags=["trainer"]
# **第2节备注。** 应答：邵立群→私人约会（会上愿意分享信息，但从未单独见过）；龚志航→重新评估支持度（五步都已走完：每周见面、了解需求、帮他解决过问题——但先核实他的权力，再决定能倚重他多少）；戴文静→谋求共事（从未见过）；骆斌→解决问题（每月单独交流，需求已知：去解决它——就是第08单元的分期方案）。*常见误解：*“每个人都从第一步开始”。提问：“按老办法，我们对龚志航会怎么做？”——“谋求共事”，白白浪费他的好意。合规讨论：单独见面到什么程度就不再是职业行为？*进度快：* 请学员说出俞晓燕的下一步。

# %% [markdown] lang="en"
# ## 3. Choosing the channel
#
# How information reaches a person matters as much as what it says. Four channels: a **visit**
# (face to face: trust and what people will not say in meetings), a **phone** call (speed), an
# **email** (a written record people can check and forward) and **executive to executive**
# (our executive meets theirs when rank calls for rank). Choose by what the contact needs.

# %% [markdown] lang="zh"
# ## 3. 选择沟通渠道
#
# 信息怎样送到对方手里，和说什么同样重要。四种渠道：**拜访**（面对面：建立信任，听到会上听不到的话）、**电话**（求快）、**邮件**（留下能核对、能转发的书面记录）和**高层对接**（级别需要对等时，由我方高层对接客户高层）。按这次沟通需要什么来选。

# %% [markdown] lang="en"
# ### Exercise 2 (5 minutes): which channel?

# %% [markdown] lang="zh"
# ### 练习二（5分钟）：选哪个渠道？

# %%
ex_channels = Exercise("09.channels", lambda a: eg.check_channels(a, "notebook"),
                       choose_each(eg.channel_items("notebook"), eg.channel_options()))
ex_channels

# %% [markdown] lang="en"
# ## 4. Executive relationships
#
# Approvers and top decision makers are rarely reached by the account manager alone. Five gaps
# stand in the way — age, status, vision, power and resources — and a sequence of steps bridges
# them: identify the target, build sources of information, connect, deploy our own executives,
# plan executive activities, build trust through repeated need-based contact, then exert
# influence.

# %% [markdown] lang="zh"
# ## 4. 高层关系
#
# 决策审批者和最高决策者，很少是客户经理单独就能接触到的。年龄、地位、眼界、权力、资源五种差距挡在中间，要按步骤去弥合：准确识别目标，构建信息源，建立连接，配置我方高层资源，策划高层活动，围绕客户需求反复互动积累信任，最后施加影响。

# %%
course.executive_steps()

# %% [markdown] lang="en"
# ### Exercise 3 (4 minutes): who meets the General Manager?
#
# General Manager Yao Zhendong will sign the approval request. Nobody on our side has met him.
# Which proposal do you put to your manager?

# %% [markdown] lang="zh"
# ### 练习三（4分钟）：派谁去见总经理？
#
# 立项报告要由总经理姚振东签字，我方还没人见过他。你会向领导提哪个方案？

# %%
ex_pairing = Exercise("09.pairing", lambda a: eg.check_pairing(a, "yao"), choose(eg.pairing_options("yao")))
ex_pairing

# %% [markdown] lang="en" tags=["trainer"]
# **Sections 3–4 notes.** Expected channels: the GM's first contact → executive; the CFO's
# penalty model → email; last night's failed alarm → phone; the VP's unspoken concerns → visit.
# Expected pairing: our regional VP (a peer, an existing connection through the association,
# and a topic that is his: the pharma client's audits). *Misconception:* "bring the CEO for the
# big fish". Our CEO is our strongest card; play it at a decisive moment with an agenda.
# Prompt: "What will our regional VP ask the GM for at the end?" — a concrete next step (e.g.
# that the VP Operations brings the phased plan to him by a date). *Behind:* do exercise 2 as
# a show of hands.

# %% [markdown] lang="zh" tags=["trainer"]
# **第3–4节备注。** 渠道应答：初次接触总经理→高层对接；财务总监要的罚金测算→邮件；昨晚报警失灵→电话；副总裁不便在会上说的顾虑→拜访。高层匹配应答：我方大区副总裁（级别对等，有行业协会的现成关系，话题正是总经理关心的医药客户审核）。*常见误解：*“大客户就请CEO出马”。CEO是我方最大的一张牌，要留到关键时刻、带着议题去用。提问：“大区副总裁最后要请总经理做什么？”——一个具体的下一步（例如请运营副总裁在某个日期前把分期方案报给他）。*进度慢：* 练习二改为全班举手表决。

# %% [markdown] lang="en"
# ## 5. From map to action plan
#
# The analysis turns the map into one row per person: priority (from the power matrix and the
# decision chain), strategy by stance, the trust to build, where the relationship stands now and
# the next step, and who on our side acts. Compare the steps with your answers to exercise 1.
# The plan is the team's starting point, not the plan itself.

# %% [markdown] lang="zh"
# ## 5. 从地图到行动计划
#
# 分析会把地图变成每人一行的计划：优先级（依据权力矩阵和决策链）、按态度定的策略、要建立的信任、关系现状与下一步，以及我方由谁负责。把其中的关系步骤和你在练习一的答案对照一下。这份计划是团队讨论的起点，不是定稿。

# %%
plan = analyse(pm, today="2026-12-04")
course.action_summary(plan)

# %%
plan.export_actions(work_path("huachuan-actions-{learner}.xlsx"))

# %% [markdown] lang="en"
# The spreadsheet is saved in your work folder, ready to share with the team.
#
# ### Discuss
#
# With your neighbour, pick one person on the plan and agree on a concrete action commitment
# you want from them at your next contact: who does what, by when.

# %% [markdown] lang="zh"
# 表格已保存在你的工作文件夹里，可以直接发给团队。
#
# ### 讨论
#
# 和旁边的同学一起，从计划里挑一个人，商定下次接触时希望他做出的具体行动承诺：谁、做什么、什么时候完成。

# %% [markdown] lang="en" tags=["trainer"]
# **Section 5 notes.** Point to the "relationship now" column: six different steps across nine
# people. Expected commitments (examples): Shao Liqun agrees to a one-to-one review of the
# phased plan before the approval meeting on a named date; Luo Bin agrees to test our sensors
# in the pharma client's cold rooms for two weeks; Dai Wenjing agrees to check the penalty
# model with our finance director. A commitment without a date or an action by the customer is
# not one. *Ahead:* open the exported file and sort it by priority.

# %% [markdown] lang="zh" tags=["trainer"]
# **第5节备注。** 请学员看“当前关系步骤”一列：九个人分处六种不同的状态。行动承诺参考答案：邵立群同意在立项会之前的某个日期单独审一遍分期方案；骆斌同意在医药客户的冷库里试用我们的传感器两周；戴文静同意和我方财务总监一起核对罚金测算。没有日期、不需要客户采取行动的“承诺”不算承诺。*进度快：* 打开导出的表格，按优先级排序。

# %% [markdown] lang="en"
# ## Key points
#
# - Strategy follows stance: win over supporters, convert the neutral, handle opponents in order — concerns, data and cases, common interest, then a senior or third-party voice.
# - Support grows through trust in you (professional, expertise, stance) and in your company (strength, product and service, solution).
# - Take the relationship step after the last one you have really reached; after the fifth, re-assess support.
# - Choose the channel by what the contact needs; meet executives with a peer, a connection and a topic that is theirs.
# - The action plan starts from each person's real relationship; end every contact with a commitment.
#
# More practice: [workbook 09](../../exercises/{{lang}}/09_strategy_and_actions_exercises.ipynb)
#
# ---
# [Previous: 08 Analysing a map](08_analysing_a_map.ipynb) · [Next: 10 Case: IT solution](10_case_it_solution.ipynb)

# %% [markdown] lang="zh"
# ## 要点回顾
#
# - 策略随态度而定：争取支持者，转化中立者，按顺序应对反对者——先了解顾虑，再用数据和案例，再找共同利益，最后才请高层或第三方。
# - 支持度靠信任提升：对你个人的信任（职业、专业、立场）和对你公司的信任（企业实力、产品服务能力、解决方案）。
# - 找出真正走到的最后一步，再迈下一步；五步走完，重新评估支持度。
# - 按这次沟通的需要选渠道；见客户高层，要有对等的人、现成的关系和对方关心的话题。
# - 行动计划从每个人真实的关系现状出发；每次接触都以一个具体承诺结束。
#
# 更多练习：[练习册09](../../exercises/{{lang}}/09_strategy_and_actions_exercises.ipynb)
#
# ---
# [上一单元：08 分析权力地图](08_analysing_a_map.ipynb) · [下一单元：10 案例：IT解决方案](10_case_it_solution.ipynb)

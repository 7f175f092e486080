# %% [markdown] lang="en"
# # 03 · The five buying stages
#
# **Time:** 25 minutes teaching + 20 minutes exercises
#
# **Questions**
# - Where is the customer in their buying journey, and how can I tell?
# - What does the customer care about at each stage, and what is my job then?
# - What is a power map for early, in the middle and late in a deal?
#
# **Objectives:** after this module you can
# - name the five stages with their Chinese terms, the customer's focus and our core work at each;
# - place a customer statement in its stage from its language, behaviour or request;
# - challenge a CRM stage with evidence.

# %% [markdown] lang="zh"
# # 03 · 客户采购的五个阶段
#
# **时间：** 讲授25分钟 + 练习20分钟
#
# **本课回答的问题**
# - 客户走到采购旅程的哪一步了？怎么判断？
# - 每个阶段客户关注什么？我们该做什么？
# - 在项目的前期、中期、后期，权力地图分别用来做什么？
#
# **学完本课，你能够**
# - 说出五个阶段的名称、每个阶段客户的关注点和我们的核心工作；
# - 根据客户的语言、行为或要求，判断一句话属于哪个阶段；
# - 用证据质疑CRM里填写的阶段。

# %%
import powermap_kit as pk
from powermap_kit import course, examples
from powermap_kit.widgets import Exercise, StageQuiz, choose

pk.set_language("{{lang}}")

# %% [markdown] lang="en"
# ## The journey
#
# The stages follow the customer, not our sales funnel. The customer is first **facing
# difficulties** (遇到困难) without seeing a problem to solve; then **exploring the problem**
# (探索问题) and forming ideas; then seeking **internal project approval** (内部立项); then
# **evaluating products** (评估产品) from vendors; and finally making the **purchase decision**
# (购买决策). At each stage the customer cares about something different, so our core work
# changes with it. The last row says what the power map is for early, in the middle and late.

# %% [markdown] lang="zh"
# ## 客户的采购旅程
#
# 这五个阶段跟着客户走，而不是跟着我们的销售漏斗走。客户先是**遇到困难**，但还没意识到有问题要解决；然后**探索问题**，逐步形成解决思路；接着**内部立项**；再**评估产品**，接触并比较供应商；最后做出**购买决策**。每个阶段客户关注的东西不同，我们的核心工作也随之变化。最后一行说明在项目前期、中期、后期，权力地图分别用来做什么。

# %%
course.stage_journey()

# %% [markdown] lang="en"
# ## How to tell the stage
#
# Three tests tell the stage: the customer's **language** (what they say), **behaviour**
# (what they do) and **requests** (what they ask us for). A question about budget or payback,
# a proposal being drafted or “who else must sign?” means approval is being sought; a tender
# with scoring rules, a demo or a reference visit means products are being compared. Judge by
# what the customer says and does, not by what we hope. The guide lists typical signals.

# %% [markdown] lang="zh"
# ## 怎么判断阶段
#
# 判断阶段有三条标准：客户的**语言特点**（说什么）、**行为特点**（做什么）和**要求特点**（向我们要什么）。问预算、问回报、在写立项报告、问“还要谁签字”，说明在走立项；发评分标准、要求演示或参观案例，说明在比较产品。要看客户实际说了什么、做了什么，而不是我们希望如何。下表列出了各阶段的典型信号。

# %%
course.show_stage_guide()

# %% [markdown] lang="en"
# ## Exercise 1 (10 minutes): which stage is this?
#
# Eight customer statements, one at a time; none of them is a line from the table. Choose the
# stage; the feedback explains it and, if you chose another, how that stage would sound.
# Your answers are kept.

# %% [markdown] lang="zh"
# ## 练习1（10分钟）：这句话属于哪个阶段？
#
# 共八句客户原话，逐句作答；没有一句是直接照搬上表的。选出阶段后，反馈会解释这个阶段；如果选错，还会告诉你你选的那个阶段听起来是什么样。你的作答会被保存。

# %%
stage_quiz = StageQuiz(path=pk.work_path("{learner}_answers.jsonl"), count=8)
course.with_fallback(stage_quiz, course.worksheet(stage_quiz.questions))

# %% [markdown] lang="en"
# ## What stage is Yunfan in?
#
# Back to Yunfan Supermarkets from module 01. Gu Ning's CRM says **“Evaluating products, 70 %”**.
# Her notes since then:
#
# - In September Xie Xiaodong's team visited reference stores of two vendors, ours included.
# - 1 December, VP Ke Lin: “Give me the payback in months, store by store, by next Friday.”
# - Ke Lin's assistant is writing the paper for the office meeting on 15 January and asked
#   whether we have one from another retailer she could follow.
# - Fan Lei, purchasing: “No request for quotation goes out until that meeting says yes.”
# - Xie Xiaodong: “Mr Tang will want to see the payback figures before he signs the paper off.”

# %% [markdown] lang="zh"
# ## 云帆超市走到哪个阶段了？
#
# 回到第01课的云帆连锁超市。顾宁在CRM里写的是**“评估产品，70%”**。此后她的记录：
#
# - 9月，谢晓东的团队参观了两家供应商的样板门店，其中包括我们的。
# - 12月1日，营运副总柯琳：“下周五前给我按门店算出的回本月数。”
# - 柯琳的助理正在为1月15日的总经理办公会写材料，问我们有没有别的零售客户的材料可以参照。
# - 采购经理范蕾：“办公会通过之前，不会发询价。”
# - 谢晓东：“汤总签字之前肯定要先看回报测算。”

# %% [markdown] lang="en"
# ## Exercise 2 (5 minutes): set the stage
#
# Which stage is Yunfan in today? Choose it and press **Check**. Then ask yourself what Gu
# Ning should bring to the next meeting.

# %% [markdown] lang="zh"
# ## 练习2（5分钟）：判断阶段
#
# 云帆超市现在处在哪个阶段？选好后点**检查**。然后想一想：顾宁下次见面应该带什么去？

# %%
Exercise("03.yunfan_stage", lambda answer: examples.check_deal("yunfan", "stage", answer), choose("stage"))

# %% [markdown] lang="en"
# ## Discuss
#
# For each stage, what would you talk about with the customer and what material would you
# bring? Pick one of your own deals: which stage is it really in, which statement or action
# shows it, and does your CRM agree?
#
# ## Key points
#
# - Five stages: facing difficulties, exploring the problem, internal project approval,
#   evaluating products, purchase decision.
# - Each stage has its own customer focus and its own core work for us: awaken awareness,
#   help sort out needs, provide approval data, prove capability, reduce risk.
# - Tell the stage from the customer's language, behaviour and requests, not from hope or
#   from the CRM.
# - Early, map the chain and the key roles; in the middle, plan per role; late, focus on the
#   core decision maker.
#
# More practice: [workbook 03](../../exercises/{{lang}}/03_buying_stages_exercises.ipynb)
#
# ---
# [← Previous: 02 Roles and frameworks](02_roles_and_frameworks.ipynb) · [Next: 04 Decision chain →](04_decision_chain.ipynb)

# %% [markdown] lang="zh"
# ## 讨论
#
# 针对每个阶段，你会和客户聊什么、带什么资料？挑一个你自己的项目：它实际处在哪个阶段？哪句话或哪个动作说明了这一点？你的CRM里写的一致吗？
#
# ## 要点
#
# - 五个阶段：遇到困难、探索问题、内部立项、评估产品、购买决策。
# - 每个阶段客户关注点不同，我们的核心工作也不同：唤醒问题意识、协助梳理需求、提供立项数据、证明能力、规避风险。
# - 根据客户的语言、行为和要求判断阶段，不凭期望，也不凭CRM。
# - 前期梳理决策链和关键角色；中期针对不同角色制定策略；后期聚焦核心决策者。
#
# 更多练习：[练习册03](../../exercises/{{lang}}/03_buying_stages_exercises.ipynb)
#
# ---
# [← 上一课：02 角色与角色框架](02_roles_and_frameworks.ipynb) · [下一课：04 决策链与决策方式 →](04_decision_chain.ipynb)

# %% [markdown] lang="en" tags=["trainer"]
# ## Facilitator notes: 03 Buying stages
#
# **Timing (45 min).** The journey 8 min · how to tell the stage 7 min · exercise 1: 10 min plus
# 3 min debrief · Yunfan notes 4 min · exercise 2: 5 min plus 3 min debrief · discussion 5 min.
#
# **Key message.** The stage is the customer's, not ours: read it from what they say, do and
# ask for, and let it decide what we bring.
#
# **Exercise 2, expected answer and reasoning.** Internal project approval. Payback figures,
# a paper for the office meeting, a borrowed template and “no request for quotation until the
# meeting says yes” are approval signals; the September reference visits were exploration, not
# evaluation. The CRM's “Evaluating products” is hope. Gu Ning's next meeting: the payback
# calculation per store and an approval template (the seller's work at this stage), and an
# introduction to Tang Zhicheng, who reviews the payback.
#
# **Common misconceptions and how to address them.**
# - "They visited reference stores, so they are evaluating." Ask what happened since: a
#   reference visit months before a project exists is exploration.
# - "The CRM stage is our pipeline stage." Our funnel and the customer's journey are different
#   ladders; the course uses the customer's.
# - "Later is better." A deal can go backwards (a rejected proposal sends it back to
#   exploring); say so when someone's deal has stalled.
# - "Approval is a formality." At approval the finance reviewer gains power; link back to the
#   three people of module 01.
#
# **Discussion prompt, expected answers.** Difficulties: industry data, questions that surface
# the cost of the problem. Exploring: cases, workshops, a needs checklist. Approval: payback
# model, proposal template, budget references. Evaluating: demo script, references, site
# visit, scoring criteria we can live with. Decision: risk plan, implementation guarantee,
# contract support.
#
# **If the room is ahead:** ask what each stage changes on the Yunfan map (who gains power at
# approval). **If behind:** do exercise 1 for four statements and set the rest as homework.
#
# **Sources.** The five stages, the seller's core work at each (唤醒问题意识, 协助梳理关键点和需求,
# 提供立项所需数据与模版, 证明公司、产品、服务能力, 提供风险规避方案和采购支撑) and the three tests
# (语言特点, 行为特点, 要求特点): seed 003 unit 2. Seed 003 also lists what customers focus on (own
# problems; their negative impact; value and how to solve; return on investment; vendor fit and
# price-performance) without tying each to one stage: the stage-by-stage assignment is ours, and
# the focus of the purchase decision (risk of the choice, terms and commitments) is ours, not the
# seed's. The class discussion is seed 003's 课堂探讨. Early, middle and late uses of the map:
# seed 002. The signals in the guide, the quiz statements and the Yunfan notes are ours.

# %% [markdown] lang="zh" tags=["trainer"]
# ## 讲师备注：03 客户采购的五个阶段
#
# **时间安排（45分钟）。** 采购旅程8分钟 · 如何判断阶段7分钟 · 练习1：10分钟，讲评3分钟 · 阅读云帆的记录4分钟 · 练习2：5分钟，讲评3分钟 · 讨论5分钟。
#
# **核心信息。** 阶段是客户的，不是我们的：根据客户说什么、做什么、要什么来判断，并据此决定我们带什么去。
#
# **练习2参考答案与理由。** 内部立项。回本测算、为总经理办公会准备材料、借用别家的材料模板、“办公会通过之前不发询价”，这些都是立项信号；9月参观样板店属于探索问题，不是评估产品。CRM里的“评估产品”只是期望。顾宁下次见面应带上：按门店测算的回报数据和立项材料模板（这正是立项阶段销售的核心工作），并争取被引荐给负责审核回报的汤志诚。
#
# **常见误区及应对。**
# - “他们参观过样板店，所以在评估产品。”追问之后发生了什么：项目还没立起来之前的参观，属于探索问题。
# - “CRM里的阶段就是我们的销售阶段。”我们的漏斗和客户的旅程是两把不同的尺子，本课用的是客户的那把。
# - “阶段越靠后越好。”项目也会倒退（立项被否会退回探索问题）；有学员的项目停滞时可以点出来。
# - “立项只是走个形式。”立项阶段财务审核人的权力会上升；回扣第01课那三个人。
#
# **讨论题参考答案。** 遇到困难：行业数据、能揭示问题代价的提问。探索问题：案例、研讨会、需求清单。内部立项：回报测算模型、立项材料模板、预算参考。评估产品：演示脚本、客户案例、参观考察、我们能接受的评分标准。购买决策：风险预案、实施保障、合同支持。
#
# **学员进度快时：** 问每个阶段会让云帆的地图发生什么变化（立项时谁的权力上升）。**进度慢时：** 练习1只做四句，其余课后完成。
#
# **内容来源。** 五个阶段、每个阶段销售的核心工作（唤醒问题意识、协助梳理关键点和需求、提供立项所需数据与模版、证明公司、产品、服务能力、提供风险规避方案和采购支撑）以及三条判断标准（语言特点、行为特点、要求特点）：种子003第二单元。种子003还列出了客户的关注点（自身问题和难题、带来的负面影响、价值收益与解决方法、投入产出比、供应商产品匹配度和性价比），但没有逐一对应到阶段：按阶段分配是我们的整理，“购买决策”阶段的关注点（选择的风险、条款与承诺）是我们补充的，并非出自种子。讨论题来自种子003的课堂探讨。前期、中期、后期权力地图的用法：种子002。指南中的信号、测验里的客户原话和云帆的记录是我们编写的。

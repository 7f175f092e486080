# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown] lang="en"
# # 06 · Intelligence and the coach (情报系统与教练)
#
# **Time:** 25 minutes teaching + 25 minutes exercises
#
# **Questions**
# - What must I know about a customer and a deal, and where does it come from?
# - What is a coach, and how do I find and develop one when I have none?
# - How do I keep a coach's tip from steering me wrong?
#
# **Objectives:** after this module you can
# - list what an intelligence system holds and the channels that feed it;
# - pick, from a customer's people, those worth developing into a coach, and say why;
# - tell moves that develop a coach from moves that burn one;
# - verify a coach's tips against documents before acting on them.

# %% [markdown] lang="zh"
# # 06 · 情报系统与教练
#
# **时长：** 讲解 25 分钟 + 练习 25 分钟
#
# **本课回答的问题**
# - 关于客户和项目，我必须知道什么？这些信息从哪里来？
# - 什么是教练？手里没有教练时，怎样找到并培养一位？
# - 怎样避免被教练的一条错误消息带偏？
#
# **学完本课，你能够**
# - 说出情报系统包含的内容，以及获取情报的渠道；
# - 从客户的人员中挑出值得培养成教练的人，并说明理由；
# - 分清哪些做法能培养教练，哪些会毁掉教练；
# - 在行动之前，用资料验证教练给的消息。

# %%
import powermap_kit as pk
from powermap_kit import course, intel
from powermap_kit.course import coaching
from powermap_kit.widgets import Exercise, choose_each, pick

pk.set_language("{{lang}}")

# %% [markdown] lang="en" tags=["trainer"]
# ## Facilitator notes: module 06 at a glance
#
# **Timing (50 min):** why intelligence and what it holds 6 · channels 4 · the coach and how to choose one 5 · exercise 1 (candidates) 8 · developing a coach 4 · exercise 2 (moves) 6 · verifying 3 · exercise 3 (tips against documents) 10 · discuss and key points 4.
#
# **Key message:** a coach is made, not found, and every tip is a hypothesis until a second source confirms it.
#
# **Sources:** seed 003 unit 1 (情报系统): what intelligence holds, the six channels (内部教练、内部信息源、个人简历、客户离职员工、竞品离职员工、同盟关系客户), and four headings on the coach: 教练的作用、选择标准、如何打造教练、教练的“验证”. The seed gives the headings only; the criteria, development moves and verification method taught here are ours, in line with them. Seed 002 adds public information, CRM history, direct contact and "verify through several channels" (多渠道验证); seed 000 §6 names information asymmetry (信息不对称). Qinghe Water is our own scenario; it starts with no coach on purpose (issue: every case coach already existed).

# %% [markdown] lang="zh" tags=["trainer"]
# ## 讲师备注：第06课概览
#
# **时间安排（50分钟）：** 为什么要情报、情报包含什么 6 · 渠道 4 · 教练及其选择标准 5 · 练习一（候选人）8 · 培养教练 4 · 练习二（做法）6 · 验证 3 · 练习三（对照资料验证消息）10 · 讨论与要点 4。
#
# **核心信息：** 教练是培养出来的，不是碰到的；每条消息在被第二个来源证实之前，都只是假设。
#
# **出处：** 种子003第一单元（情报系统）：情报包含的内容、六个渠道（内部教练、内部信息源、个人简历、客户离职员工、竞品离职员工、同盟关系客户），以及关于教练的四个标题：教练的作用、选择标准、如何打造教练、教练的“验证”。种子只给了标题；这里讲的选择标准、培养做法和验证方法是我们按这些标题补充的。种子002补充了公开信息、CRM历史、直接沟通和“多渠道验证”；种子000第六节提出“信息不对称”。清河水务是我们自编的场景，故意从“没有教练”开始（此前每个案例的教练都是现成的）。

# %% [markdown] lang="en"
# ## Why intelligence
#
# Customers rarely say what they really think, competitors work several channels at once, and the person we talk to most is not the whole customer. An **intelligence system** (情报系统) is the habit of collecting, checking and recording what we know about a deal. Without it we suffer **information asymmetry** (信息不对称): the customer and our competitors know things we do not.
#
# ## What an intelligence system holds
#
# The last column says where each item lives in a power map, so the map becomes the record of your intelligence.

# %% [markdown] lang="zh"
# ## 为什么要建情报系统
#
# 客户很少直说真实想法，竞争对手会同时从多个渠道施加影响，而我们最常打交道的那个人并不代表整个客户。**情报系统**就是收集、核实、记录项目信息的习惯。没有它，我们就会陷入**信息不对称**：客户和竞争对手知道的，我们却不知道。
#
# ## 情报系统包含什么
#
# 最后一列说明每一项记在权力地图的什么地方，这样地图本身就成了你的情报记录。

# %%
course.intelligence_checklist()

# %% [markdown] lang="en"
# ## Where intelligence comes from
#
# Six channels feed it: an **internal coach** (内部教练), **internal information sources** (内部信息源), **CVs** (个人简历), the **customer's former employees** (客户离职员工), **competitors' former employees** (竞品离职员工) and **allied customers** (同盟关系客户). Add public information such as tender notices, your CRM's history and direct contact. The rule for accuracy: check anything important through a second channel.

# %% [markdown] lang="zh"
# ## 情报从哪里来
#
# 六个渠道：**内部教练**、**内部信息源**、**个人简历**、**客户离职员工**、**竞品离职员工**、**同盟关系客户**。此外还有招标公告等公开信息、我们CRM里的历史记录，以及直接沟通。保证准确的规则是：重要信息一定要用第二个渠道核实。

# %% [markdown] lang="en"
# ## The coach
#
# A **coach** (教练) is someone inside the customer who gives us information and guidance: who decides, how and when, what worries them, what competitors are doing. A coach is a flag on a person, not a buying role: anyone can be one, and a coach need not be powerful.
#
# **Choosing a coach** (选择标准). Look for someone who
# 1. is close to the decision: hears what the people who decide discuss;
# 2. is credible inside: others listen to them;
# 3. has a reason of their own to want us, or the project, to succeed;
# 4. is not tied to a competitor;
# 5. has been reliable: what they told us before checked out.
#
# Friendly is not enough. Neither is senior.

# %% [markdown] lang="zh"
# ## 教练
#
# **教练**是客户内部为我们提供信息和指点的人：谁决策、怎么决策、什么时候决策、他们担心什么、竞争对手在做什么。教练是贴在某个人身上的标记，不是采购角色：任何人都可能成为教练，教练也不一定位高权重。
#
# **教练的选择标准。** 要找这样的人：
# 1. 接近决策：能听到决策者们在讨论什么；
# 2. 在内部有信誉：别人愿意听他的；
# 3. 自己有理由希望我们（或者这个项目）成功；
# 4. 和竞争对手没有牵连；
# 5. 一向可靠：以前告诉我们的事都经得起核实。
#
# 光是友好不够，光是职位高也不够。

# %% [markdown] lang="en"
# ## Qinghe Water Group: a deal with no coach yet
#
# Qinghe Water Group (清河水务) is exploring a smart-metering platform. We have met six people; none of them guides us yet.
#
# - **Gao Zhenhua** (高振华), general manager. Met us for five minutes at an industry forum; at forums he gives every vendor the same few minutes and lets the working group do the talking.
# - **Tang Min** (汤敏), senior metering engineer. A member of the project working group. After our talk she asked for a case study of a peer utility and said the gaps in today's meter data "make my monthly report a guessing game". Engineers quote her reports.
# - **Liu Jia** (刘佳), assistant in the general manager's office. Friendly, chats with our account manager on WeChat and passes on news. Not in the working group. Last month she told us the budget was "already approved"; a week later the work report showed it still under review.
# - **Zhong Lan** (钟岚), deputy finance manager. Reviews every project budget. Before Qinghe she worked at a utility that runs our platform and says she was "happy with it there". At our presentation she asked about the five-year cost.
# - **Fang Tao** (方涛), head of the IT section. Joined two years ago from Huitong (汇通), our competitor, and hosted Huitong's demo last month.
# - **Peng Yu** (彭宇), junior IT engineer. Joined this year, eager, offers to "send you anything you need". Not in the working group and not invited to its meetings.

# %% [markdown] lang="zh"
# ## 清河水务集团：一个还没有教练的项目
#
# 清河水务集团正在考虑上智能计量平台。我们已经接触了六个人，还没有一个人在指点我们。
#
# - **高振华**，总经理。在一次行业论坛上和我们聊了五分钟；在论坛上，他给每家供应商的时间都一样短，具体交流都交给项目组。
# - **汤敏**，计量所高级工程师，项目组成员。听完我们的介绍后，她要了一份同行水务公司的案例，还说现在的表计数据缺口“让我的月报全靠猜”。工程师们常引用她的报告。
# - **刘佳**，总经理办公室助理。很友好，常在微信上和我们的客户经理聊天、传消息。不在项目组。上个月她说预算“已经批了”；一周后的工作报告显示预算还在评审中。
# - **钟岚**，财务部副经理，每个项目的预算都要经她审核。来清河之前，她在一家使用我们平台的水务公司工作，说在那边“用得挺满意”。在我们的介绍会上，她问了五年总成本。
# - **方涛**，信息科科长。两年前从我们的竞争对手汇通跳槽过来，上个月刚替汇通安排了演示。
# - **彭宇**，信息科助理工程师，今年刚入职，很热情，说“需要什么尽管找我”。不在项目组，也没被邀请参加项目组的会。

# %% [markdown] lang="en"
# ### Exercise 1 (8 minutes): whom would you develop as a coach?
#
# Pick the people worth developing, against the five criteria above. Press **Check**; the feedback points to what to reread about anyone you should reconsider.

# %% [markdown] lang="zh"
# ### 练习一（8分钟）：你会培养谁做教练？
#
# 对照上面的五条标准，选出值得培养的人，然后点**检查**；对需要重新考虑的人，反馈会告诉你该重读哪一部分。

# %%
Exercise("06.candidates", coaching.check_coach_candidates, pick(coaching.coach_candidates()))

# %% [markdown] lang="en" tags=["trainer"]
# **Exercise 1, expected answer:** Tang Min and Zhong Lan. Tang Min sits in the working group, is credible and has her own reason (her monthly report). Zhong Lan sees every budget, knows our platform from her former employer (an allied customer, one of the six channels) and has a question only we can answer well (five-year cost).
#
# **Misconceptions:** "Liu Jia, she tells us everything": friendliness without access, and her last tip was wrong. "The GM, he decides": a coach need not be powerful, and Gao keeps every vendor at the same distance. "Peng Yu is so willing": he hears nothing of the decision. Fang Tao is tied to Huitong.
#
# **Ahead:** ask what Liu Jia *is* good for (she books the GM's diary: a gatekeeper to keep friendly). **Behind:** go through Liu Jia and Zhong Lan together; the contrast teaches the criteria.

# %% [markdown] lang="zh" tags=["trainer"]
# **练习一参考答案：** 汤敏和钟岚。汤敏在项目组里，有信誉，也有自己的理由（她的月报）。钟岚能看到每一笔预算，在前东家用过我们的平台（同盟关系客户，六个渠道之一），而且她关心的问题（五年总成本）恰好是我们能答好的。
#
# **常见误区：** “刘佳什么都告诉我们”：热情但接触不到决策，而且上次的消息是错的。“高总说了算”：教练不一定位高权重，而且高总对各家一视同仁地保持距离。“彭宇多热心”：他根本听不到决策的讨论。方涛和汇通有牵连。
#
# **进度快：** 问学员刘佳有什么用（她管总经理的日程：是要保持友好的看门人）。**进度慢：** 全班一起对比刘佳和钟岚，这个对比最能讲清选择标准。

# %% [markdown] lang="en"
# ## Developing a coach (如何打造教练)
#
# A coach grows out of a working relationship in which they get something real from us:
#
# - **give value first**: solve a problem of theirs (a case study, figures for their budget review, an introduction to a peer);
# - **ask for views, not documents**: what the working group weighs, what worries them, who else matters;
# - **protect them**: never name them to others, no formal emails they would have to explain;
# - **stay within the rules**: no gifts, no confidential papers, nothing they could not show their boss;
# - **verify** what they tell you before acting on it (next section).

# %% [markdown] lang="zh"
# ## 如何打造教练
#
# 教练是在合作关系中成长起来的，前提是对方能从我们这里得到实实在在的东西：
#
# - **先给价值**：帮对方解决问题（一份案例、预算评审要用的数据、介绍一位同行）；
# - **问看法，不要文件**：项目组看重什么、他们担心什么、还有谁说了算；
# - **保护对方**：绝不向别人提起他，不发需要他解释的正式邮件；
# - **守住规矩**：不送礼，不要保密材料，不做任何他没法向领导交代的事；
# - 行动之前，先**验证**他告诉你的事（见下一节）。

# %% [markdown] lang="en"
# ### Exercise 2 (6 minutes): develop or burn?
#
# For each move with Tang Min and Zhong Lan, choose whether it develops the coach or burns (or endangers) them.

# %% [markdown] lang="zh"
# ### 练习二（6分钟）：是在培养，还是在毁掉？
#
# 针对汤敏和钟岚的每个做法，判断它是在培养教练，还是会毁掉或连累她们。

# %%
Exercise("06.develop", coaching.check_coach_development,
         choose_each(coaching.development_actions(), coaching.develop_options()))

# %% [markdown] lang="en"
# ## Verify the coach (教练的“验证”)
#
# Three months on, Tang Min talks to us regularly. Over coffee she shared five points. Before you act on any of them, hold each against the three documents below: does a document **confirm** it, **contradict** it, or is it **not yet verified**?
#
# **Document A: pre-tender notice** (Qinghe Water website, 2 June). *Smart metering platform, phase 1. Pilot area: north district, about 20,000 meters. Tender expected in September. Enquiries: the project working group.*
#
# **Document B: our visit report** (12 May, written by our account manager). *Presented to the working group, chaired by Deputy GM Xu. Xu explained the process: the working group scores every vendor against published criteria, and the general manager signs the contract with the highest-scoring one. Tang Min asked about data gaps; Zhong Lan (finance) asked about the five-year cost.*
#
# **Document C: 2026 work report** (public, from the annual staff meeting). *Key projects this year include smart metering phase 1 (CNY 8.2 million). Every project above CNY 5 million is reviewed by the finance department's budget committee before approval.*

# %% [markdown] lang="zh"
# ## 教练的“验证”
#
# 三个月后，汤敏已经和我们经常交流。一次喝咖啡时，她说了五件事。在据此行动之前，逐条对照下面三份资料：资料**证实**了它、**否定**了它，还是它**尚未得到验证**？
#
# **资料A：招标预告**（清河水务官网，6月2日）。*智能计量平台一期。试点区域：北区，约两万块表。预计九月招标。咨询：项目组。*
#
# **资料B：我方拜访报告**（5月12日，客户经理撰写）。*向项目组做了介绍，由徐副总主持。徐副总说明了流程：项目组按公布的标准给每家供应商打分，总经理与得分最高的一家签约。汤敏问了数据缺口；财务的钟岚问了五年总成本。*
#
# **资料C：2026年工作报告**（公开，来自年度职工大会）。*今年的重点项目包括智能计量一期（820万元）。凡500万元以上的项目，批准前都要经财务部预算委员会评审。*

# %% [markdown] lang="en"
# ### Exercise 3 (10 minutes): Tang Min's five tips
#
# For each tip, choose confirmed, contradicted or not yet verified, from documents A–C only. Press **Check**: the feedback names the document to reread for any tip to reconsider.

# %% [markdown] lang="zh"
# ### 练习三（10分钟）：汤敏的五条消息
#
# 只根据资料A–C，判断每条消息是已被证实、被否定，还是尚未验证。点**检查**：对需要重新判断的消息，反馈会告诉你该重读哪份资料。

# %%
Exercise("06.verify", coaching.check_tip_verdicts, choose_each(coaching.tip_items(), coaching.verdict_options()))

# %% [markdown] lang="en" tags=["trainer"]
# **Exercise 3, expected answers:** tip 1 (GM alone decides) contradicted by B: the group scores, the GM signs the top scorer (committee scoring). Tip 2 (8 million, in the plan) confirmed by C. Tip 3 (Huitong promised) not verified: no document speaks to it, so it stays a hypothesis to test, not a fact and not a lie. Tip 4 (north pilot, Q3 tender) confirmed by A. Tip 5 (finance won't get involved) contradicted by C: 8.2 million is above the 5 million threshold, and B shows finance already asking.
#
# **Misconceptions:** "unverified means false": no, it means find a second source. "The coach is our friend, so the tip is true": one wrong tip about finance hides a person who can stop the deal.
#
# **Discussion prompts:** which tip would have cost us most if acted on? (Tip 5: we would ignore Zhong Lan and the budget committee.) How do you tell Tang Min you checked without hurting the relationship? (You don't announce it; you keep a record of which tips came true.)

# %% [markdown] lang="zh" tags=["trainer"]
# **练习三参考答案：** 消息1（高总一人拍板）被资料B否定：项目组打分，总经理与最高分者签约（评委打分制）。消息2（八百万、已列入计划）被资料C证实。消息3（汇通已被内定）尚未验证：没有任何资料涉及，它仍是一个待验证的假设，既不是事实，也不等于谎言。消息4（北区试点、三季度招标）被资料A证实。消息5（财务不插手）被资料C否定：820万高于500万的门槛，资料B也显示财务已经在提问。
#
# **常见误区：** “尚未验证就是假的”：不对，意思是要找第二个来源。“教练是自己人，消息肯定对”：一条关于财务的错误消息，就可能让我们忽视一个能否决项目的人。
#
# **讨论提示：** 哪条消息如果照做，代价最大？（消息5：我们会忽视钟岚和预算委员会。）怎样核实才不伤害和汤敏的关系？（不必声张；自己记录哪些消息应验了。）

# %% [markdown] lang="en"
# ## Discuss
#
# How do you protect a coach, and what would you never ask a coach for? Which of your current deals has a coach, and when did you last check one of their tips against a second source? If a deal has no coach, who are your two candidates?

# %% [markdown] lang="zh"
# ## 讨论
#
# 你怎样保护教练？有什么是你绝不会向教练要的？你手上的项目里，哪个有教练？你上一次用第二个来源核实他的消息是什么时候？如果某个项目还没有教练，你的两位候选人是谁？

# %% [markdown] lang="en"
# ## Key points
#
# - An intelligence system holds the project basics, the decision chain and mode, each person's information, needs and support, and competitor information; the power map is where it is recorded.
# - Six channels feed it; check anything important through a second channel.
# - A coach is chosen against criteria (close to the decision, credible, their own reason, not tied to a competitor, reliable), not for being friendly or senior.
# - Develop a coach by giving value first, asking for views not documents, protecting them and staying within the rules.
# - Every tip is a hypothesis until a second source confirms it; "not yet verified" means go and find out.
#
# More practice: [06 workbook](../../exercises/{{lang}}/06_intelligence_and_coach_exercises.ipynb)
#
# ---
# [Previous: 05 Support](05_support.ipynb) · [Optional: 06b Intelligence toolkit](06b_intelligence_toolkit.ipynb) · [Next: 07 Building a map](07_building_a_map.ipynb)

# %% [markdown] lang="zh"
# ## 要点
#
# - 情报系统包括：项目基本信息，决策链和决策方式，每个人的个人信息、需求和支持度，以及竞争对手信息；权力地图就是记录这些情报的地方。
# - 情报来自六个渠道；重要信息一定要用第二个渠道核实。
# - 选教练要看标准（接近决策、有信誉、有自己的理由、与对手无牵连、一向可靠），而不是看他友不友好、职位高不高。
# - 培养教练：先给价值，问看法不要文件，保护对方，守住规矩。
# - 每条消息在被第二个来源证实之前都只是假设；“尚未验证”的意思是：去查清楚。
#
# 更多练习：[06 练习册](../../exercises/{{lang}}/06_intelligence_and_coach_exercises.ipynb)
#
# ---
# [上一课：05 支持度](05_support.ipynb) · [选学：06b 情报工具箱](06b_intelligence_toolkit.ipynb) · [下一课：07 绘制权力地图](07_building_a_map.ipynb)

# %% [markdown] lang="en"
# # 04 · The decision chain and the three decision modes
#
# **Time:** 25 minutes teaching + 20 minutes exercises
#
# **Questions**
# - Who is in the customer's decision chain?
# - How does this customer decide: by committee score, by recommendation and approval, or from the top?
# - Why do deals we “won” on technology get lost anyway?
#
# **Objectives:** after this module you can
# - name the five roles of the decision chain;
# - recognise the three decision modes from the evidence and say who matters most in each;
# - tell the two classic lost-deal stories: lost to the decision mode, lost to the approver.

# %% [markdown] lang="zh"
# # 04 · 决策链与三种决策方式
#
# **时间：** 讲授25分钟 + 练习20分钟
#
# **本课回答的问题**
# - 客户的决策链上都有谁？
# - 这个客户怎么做决定：评委打分、评估推荐加高层拍板，还是高层直接定？
# - 为什么技术上“赢了”的项目照样会丢？
#
# **学完本课，你能够**
# - 说出决策链的五种角色；
# - 根据证据识别三种决策方式，并说出每种方式下谁最关键；
# - 讲清两类典型的输单：因决策方式输单、因决策审批者输单。

# %%
import powermap_kit as pk
from powermap_kit import course, examples
from powermap_kit.widgets import DecisionModeQuiz, Exercise, MapView, choose

pk.set_language("{{lang}}")

# %% [markdown] lang="en"
# ## The decision chain
#
# The people who make a purchase happen form the customer's **decision chain** (决策链), with
# five roles: the **decision approver** (决策审批者), the **decision maker** (决策者), the
# **decision-support evaluator** (决策支持评估者), the **decision influencer** (决策影响者) and the
# **purchasing executor** (采购执行者). Module 02 placed them among the eight roles. Here is
# Qingshan through the decision-chain lens; users, gatekeepers and observers keep their own
# labels.

# %% [markdown] lang="zh"
# ## 决策链
#
# 促成一次采购的那些人，构成客户的**决策链**，共五种角色：**决策审批者**、**决策者**、**决策支持评估者**、**决策影响者**和**采购执行者**。第02课已经把它们放进八种角色里讲过。下面用决策链视角再看青山冷链；用户、看门人和观察者保留各自的标签。

# %%
MapView(pk.load_example("qingshan"), lens="decision_chain", height="420px", legend="right")

# %% [markdown] lang="en"
# ## Three ways to decide
#
# The same chain can decide in three ways: **committee scoring, highest score wins**
# (评委打分制，分高者得); **evaluators recommend, an executive decides** (评估人推荐制，高层拍板);
# **the executive decides, the team executes** (高层确定，团队执行). The mode decides whose
# support counts. The table gives signs of each mode and how deals are typically lost in it.

# %% [markdown] lang="zh"
# ## 三种决策方式
#
# 同一条决策链，可以有三种决策方式：**评委打分制，分高者得**；**评估人推荐制，高层拍板**；**高层确定，团队执行**。决策方式决定了谁的支持最管用。下表列出每种方式的识别迹象，以及在这种方式下常见的丢单原因。

# %%
course.decision_modes_table()

# %% [markdown] lang="en"
# The analysis in module 08 weighs each person's support by their role, and the weights change
# with the mode: under committee scoring every evaluator counts about as much as the decision
# maker; when the top decides, the approver and the decision maker carry the deal. Darker means
# the role matters more.

# %% [markdown] lang="zh"
# 第08课的分析会按角色给每个人的支持度加权，权重随决策方式变化：评委打分时，每个评估者的分量都接近决策者；高层确定时，决策审批者和决策者决定成败。颜色越深，这个角色越关键。

# %%
course.mode_weights_table()

# %% [markdown] lang="en"
# ## Lost because of the decision mode
#
# A story to remember (ours, put together from many like it). A city bank was buying call-centre
# software. Our account manager was close to the head of customer service, who loved our demo,
# and forecast 90 %. The bank decided by a panel of seven, from IT, risk, operations,
# procurement, customer service, audit and finance, each scoring every bid on a published
# sheet. Our friend had one vote in seven; four of the scorers had never met us. We lost by
# four points.
#
# ## Lost because of the approver
#
# A logistics group was buying route-planning software. Its evaluation team ranked us first and
# recommended us. The chief executive's office meeting approved the vendor ranked second, after
# the finance vice president raised the three-year cost. We had met neither of them.

# %% [markdown] lang="zh"
# ## 因决策方式输单
#
# 一个值得记住的故事（我们根据许多类似经历改编）。某城市商业银行采购呼叫中心软件。我方客户经理和客服部负责人关系很好，对方很喜欢我们的演示，于是他预测赢率90%。可这家银行由七人评审组打分决定：信息科技、风险、运营、采购、客服、审计、财务各出一人，按公开的评分表给每家打分。我们的“朋友”只有七分之一的票；七个评委里有四个从没见过我们。最后我们以四分之差落选。
#
# ## 因决策审批者输单
#
# 某物流集团采购路径规划软件。评估小组把我们排在第一并推荐了我们。结果在总裁办公会上，财务副总裁提出三年总成本的问题，会议批准了排名第二的供应商。这两位领导，我们一个都没见过。

# %% [markdown] lang="en"
# ## Exercise 1 (10 minutes): name the mode
#
# Nine short scenarios. Choose the decision mode; the feedback says who matters most in it.

# %% [markdown] lang="zh"
# ## 练习1（10分钟）：说出决策方式
#
# 共九个简短情境。选出对应的决策方式；反馈会告诉你在这种方式下谁最关键。

# %%
mode_quiz = DecisionModeQuiz(path=pk.work_path("{learner}_answers.jsonl"))
course.with_fallback(mode_quiz, course.worksheet(mode_quiz.questions))

# %% [markdown] lang="en"
# ## How does Yunfan decide?
#
# Back to Yunfan Supermarkets. Nobody there has said how the system will be chosen, so Gu Ning
# pieced it together:
#
# - At last year's annual meeting Mr Wei told the managers that every store must reorder
#   automatically by 2028.
# - Xie Xiaodong: “In January my team runs a three-store pilot of two systems and writes it
#   up for VP Ke.”
# - Ke Lin's assistant: “Whatever we send up has to follow the office meeting's format.”
# - Last year's new till system: the pilot team's first choice was the cheaper one; after
#   Mr Tang's review the office meeting went with the other.
# - Nobody has mentioned a scoring sheet, and Fan Lei says purchasing only “runs the quotes”.

# %% [markdown] lang="zh"
# ## 云帆超市怎么做决定？
#
# 回到云帆连锁超市。那边没有人明说系统会怎么选，顾宁只能自己拼出来：
#
# - 去年的年会上，魏总要求所有门店在2028年前实现自动补货。
# - 谢晓东：“一月份我们团队在三家门店试点两套系统，然后把结果写成报告给柯总。”
# - 柯琳的助理：“凡是报上去的材料，都得按总经理办公会的格式来。”
# - 去年换收银系统时，试点小组首选的是便宜的那家；汤总审核之后，办公会选了另一家。
# - 没有人提过评分表；范蕾也说，采购部只负责“询价”。

# %% [markdown] lang="en"
# ## Exercise 2 (5 minutes): Yunfan's decision mode
#
# Which mode is it? Choose and press **Check**. Then ask yourself who, besides Xie, Gu Ning must
# win before 15 January.

# %% [markdown] lang="zh"
# ## 练习2（5分钟）：云帆超市的决策方式
#
# 是哪种决策方式？选好后点**检查**。然后想一想：除了谢晓东，顾宁在1月15日之前还必须赢得谁的支持？

# %%
Exercise("04.yunfan_mode", lambda answer: examples.check_deal("yunfan", "decision_mode", answer),
         choose("decision_mode"))

# %% [markdown] lang="en"
# ## Discuss
#
# In your biggest open deal, which decision mode applies, and what is your evidence? Under that
# mode, who on your map matters more than you have treated them so far, and who matters less?
#
# ## Key points
#
# - The decision chain has five roles: approver, decision maker, evaluator, influencer,
#   purchasing executor.
# - Customers decide in one of three modes: committee scoring; evaluators recommend and an
#   executive approves; the executive decides and the team executes.
# - The mode decides whose support counts: under scoring, every scorer; under
#   recommend-then-approve, the recommenders *and* the approver.
# - Deals are lost to the mode (a champion with one vote) and to the approver (first in the
#   recommendation, overturned at the top): map both before the decision.
#
# More practice: [workbook 04](../../exercises/{{lang}}/04_decision_chain_exercises.ipynb)
#
# ---
# [← Previous: 03 Buying stages](03_buying_stages.ipynb) · [Next: 05 Support →](05_support.ipynb)

# %% [markdown] lang="zh"
# ## 讨论
#
# 你手上最大的在跟项目属于哪种决策方式？依据是什么？在这种方式下，地图上谁比你之前以为的更重要？谁其实没那么重要？
#
# ## 要点
#
# - 决策链有五种角色：决策审批者、决策者、决策支持评估者、决策影响者、采购执行者。
# - 客户内部有三种决策方式：评委打分制；评估人推荐、高层拍板；高层确定、团队执行。
# - 决策方式决定谁的支持最管用：打分制下每个评委都重要；推荐制下推荐人*和*审批人都要拿下。
# - 丢单常因决策方式（我们的支持者只有一票）或因审批者（推荐排第一，却在高层被推翻）：决策之前，这两点都要画清楚。
#
# 更多练习：[练习册04](../../exercises/{{lang}}/04_decision_chain_exercises.ipynb)
#
# ---
# [← 上一课：03 客户采购的五个阶段](03_buying_stages.ipynb) · [下一课：05 客户支持度 →](05_support.ipynb)

# %% [markdown] lang="en" tags=["trainer"]
# ## Facilitator notes: 04 Decision chain and decision modes
#
# **Timing (45 min).** The chain 5 min · three modes and the weights 8 min · the two lost-deal
# stories 7 min · exercise 1: 10 min plus 3 min debrief · Yunfan notes 3 min · exercise 2: 5 min
# plus 4 min debrief.
#
# **Key message.** Know how this customer decides before you decide whom to win: the mode says
# whose support counts.
#
# **Exercise 2, expected answer and reasoning.** Evaluators recommend, an executive decides.
# The pilot team writes a recommendation for Ke Lin; the office meeting decides, and last year
# it overturned the pilot team's first choice after the CFO's review. Mr Wei's annual-meeting
# goal set the direction, not the vendor, so it is not top-down; no scoring sheet, so it is not
# committee scoring. Gu Ning must win the recommenders (Xie's pilot team, Ke Lin) *and* the
# meeting: Tang Zhicheng's review and Mr Wei. Yu Bo may shape the pilot's rules.
#
# **Common misconceptions and how to address them.**
# - "The boss set the goal, so it is top-down." Setting a direction is not picking a vendor;
#   ask who chooses the supplier.
# - "Our champion loves us, so we win." Ask how many votes or how much say the champion has
#   under this mode (the bank story).
# - "First in the recommendation means won." The logistics story: the approver weighs things the
#   evaluators do not (cost, risk, relationships).
# - "The decision mode is written in the tender." Often it is not; piece it together from how
#   the last decision was made.
#
# **Discussion prompt, expected answers.** Learners name a mode and evidence ("last time the GM
# overruled IT", "there is a scoring sheet"). Push for the person who matters more under that
# mode: usually a finance or executive approver they have never met, or scorers outside their
# friendly department.
#
# **If the room is ahead:** ask what Gu Ning should prepare for the office meeting that the pilot
# report will not cover (the three-year cost Tang will ask about). **If behind:** take the nine
# scenarios as a show of hands, three at a time.
#
# **Sources.** The five chain roles and the three decision modes: seed 003 unit 3 (客户决策链5种
# 角色; 客户内部3种决策方式). Seed 003 names two lost deals only by initials, YNSNJT lost because
# of the decision mode (因决策方式输单) and XAJT because of the approver (因决策审批者输单), with
# no details: the bank and logistics stories are ours, written to illustrate the two kinds.
# The signs of each mode, the ways deals are lost and the role weights are ours. The Yunfan notes
# are ours (invented).

# %% [markdown] lang="zh" tags=["trainer"]
# ## 讲师备注：04 决策链与决策方式
#
# **时间安排（45分钟）。** 决策链5分钟 · 三种决策方式与权重8分钟 · 两个输单故事7分钟 · 练习1：10分钟，讲评3分钟 · 阅读云帆的记录3分钟 · 练习2：5分钟，讲评4分钟。
#
# **核心信息。** 先弄清这个客户怎么做决定，再决定去争取谁：决策方式决定了谁的支持最管用。
#
# **练习2参考答案与理由。** 评估人推荐制，高层拍板。试点小组给柯琳写推荐报告；由总经理办公会定，而且去年办公会在财务总监审核后推翻了试点小组的首选。魏总在年会上定的是方向，不是供应商，所以不是“高层确定，团队执行”；没有评分表，所以也不是评委打分制。顾宁既要赢得推荐的人（谢晓东的试点小组、柯琳），*也*要赢得办公会：汤志诚的审核和魏总本人。俞波可能会影响试点的规则。
#
# **常见误区及应对。**
# - “老板定了目标，所以是高层确定。”定方向不等于选供应商；追问是谁挑供应商。
# - “我们的支持者很喜欢我们，所以能赢。”追问在这种决策方式下支持者有几票、有多大发言权（银行的故事）。
# - “推荐排第一就是赢了。”物流集团的故事：审批者会考虑评估者不考虑的东西（成本、风险、关系）。
# - “决策方式会写在招标文件里。”常常不会写；要从上一次是怎么定的拼出来。
#
# **讨论题参考答案。** 学员说出决策方式和依据（“上次是总经理否了IT的意见”“有评分表”）。追问在这种方式下谁更重要：通常是从没见过的财务或高层审批者，或是友好部门以外的评委。
#
# **学员进度快时：** 问顾宁为办公会还要准备哪些试点报告不会涉及的内容（汤总会问的三年总成本）。**进度慢时：** 九个情境改成举手表决，三个一组。
#
# **内容来源。** 决策链五种角色和三种决策方式：种子003第三单元（客户决策链5种角色；客户内部3种决策方式）。种子003只用首字母提到两个输单案例：YNSNJT因决策方式输单，XAJT因决策审批者输单，没有细节；银行和物流集团的故事是我们为说明这两类情况编写的。各决策方式的识别迹象、丢单方式和角色权重是我们补充的。云帆的记录是我们虚构的。

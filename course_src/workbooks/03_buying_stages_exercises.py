# %% [markdown] lang="en"
# # 03 · Workbook: The five buying stages
#
# **Time:** about 20 minutes · **Goes with:** [module 03](../../notebooks/{{lang}}/03_buying_stages.ipynb)
#
# Three tasks: a fresh round of customer statements, then the stage of two more customers from
# an account manager's notes, one late in the journey and one in the middle. Answer in the
# forms and press **Check**; your answers are kept.

# %% [markdown] lang="zh"
# # 03 · 练习册：客户采购的五个阶段
#
# **时间：** 约20分钟 · **配套课程：** [第03课](../../notebooks/{{lang}}/03_buying_stages.ipynb)
#
# 三道题：先换一组客户原话练判断，再根据客户经理的记录判断另外两个客户的阶段：一个在采购旅程后段，一个在中段。在表单里作答并点**检查**；你的作答会被保存。

# %%
import powermap_kit as pk
from powermap_kit import course, examples
from powermap_kit.widgets import Exercise, StageQuiz, choose

pk.set_language("{{lang}}")

# %% [markdown] lang="en"
# ## Task 1: another round of statements
#
# The statements come in a different order from the module's quiz, so you meet new ones.
# Choose the stage for each and read the feedback when you miss.

# %% [markdown] lang="zh"
# ## 第1题：再练一组客户原话
#
# 题目顺序和课上的测验不同，你会遇到新的句子。为每句话选出阶段；答错时认真读反馈。

# %%
stage_quiz = StageQuiz(path=pk.work_path("{learner}_answers.jsonl"), count=8, seed=1)
course.with_fallback(stage_quiz, course.worksheet(stage_quiz.questions))

# %% [markdown] lang="en" tags=["solution"]
# **Answers.** Each statement's stage and the reason are in the feedback of the quiz (run the
# cell below to see them all). Look for the word that gives the stage away: payback and
# signatures (approval), scoring and trials (evaluating), penalties and contracts (decision),
# “how do others handle it” (exploring), “it has always been like this” (difficulties).

# %% [markdown] lang="zh" tags=["solution"]
# **答案。** 每句话的阶段和理由都在测验的反馈里（运行下面的单元格可以一次看全）。提醒学员抓住暴露阶段的关键词：回报和签字（内部立项），打分和试用（评估产品），违约金和合同（购买决策），“别人怎么做”（探索问题），“一直都这样”（遇到困难）。

# %% tags=["solution"]
course.check_stage_answers({q.id: q.expected for q in stage_quiz.questions})

# %% [markdown] lang="en"
# ## Task 2: Lanjiang Water
#
# Pang Yue's CRM says “Evaluating products”. Her latest notes:
#
# - The comparative field test in August is over; the two other vendors have been told.
# - Lanjiang's legal department returned our draft contract with comments on the penalty clause.
# - Wen Yun, procurement, wants payment in four milestones, the last 20 % after a year of operation.
# - Director Miao asks what we will do if the detection rate misses the acceptance threshold in
#   the first quarter.
#
# Which stage is Lanjiang in? Choose and press **Check**.

# %% [markdown] lang="zh"
# ## 第2题：蓝江水务
#
# 庞越在CRM里写的是“评估产品”。她最新的记录：
#
# - 8月的现场对比测试已经结束，另外两家供应商已经收到通知。
# - 蓝江的法务部把我们的合同草稿退了回来，对违约条款提了意见。
# - 物资采购部的温芸希望分四个节点付款，最后20%在运行满一年后支付。
# - 苗所长问：如果第一季度的漏损检出率达不到验收标准，我们怎么办？
#
# 蓝江水务处在哪个阶段？选好后点**检查**。

# %%
Exercise("03w.lanjiang_stage", lambda answer: examples.check_deal("lanjiang", "stage", answer), choose("stage"))

# %% [markdown] lang="en" tags=["solution"]
# **Answer.** Purchase decision. The comparison is over and the others were told; what remains
# is contract terms, payment milestones and risk (“what if the detection rate misses”). Our work
# now is risk mitigation and purchasing support: an acceptance plan with a remedy clause, a
# payment schedule we can live with. The CRM lags behind reality here, the opposite of Yunfan.

# %% [markdown] lang="zh" tags=["solution"]
# **答案。** 购买决策。对比测试已经结束、其他供应商已被通知；剩下的是合同条款、付款节点和风险（“检出率达不到怎么办”）。此时我们的工作是提供风险规避方案和采购支撑：带补救条款的验收方案、我们能接受的付款安排。这里CRM落后于实际进展，和云帆超市正好相反。

# %% tags=["solution"]
examples.check_deal("lanjiang", "stage", "decision")

# %% [markdown] lang="en"
# ## Task 3: Hengtai Pharmaceutical
#
# At Hengtai (module 02), a month after the kick-off:
#
# - Our system and one other are each on a two-week trial in the QC laboratory; Ouyang Nan's
#   team scores ease of use, the audit trail and data migration.
# - Cao Min asked for two customers who passed a GMP inspection using our system.
# - Bai Lu, the buyer: “Prices come after the trial.”
#
# Which stage is Hengtai in? Choose and press **Check**.

# %% [markdown] lang="zh"
# ## 第3题：恒泰制药
#
# 恒泰制药（第02课）启动会一个月后：
#
# - 我们的系统和另一家的系统正在化验室各试用两周；欧阳楠的团队按易用性、审计追踪和数据迁移打分。
# - 曹敏要我们提供两家用我们系统通过GMP检查的客户。
# - 采购专员白露：“价格等试用完再谈。”
#
# 恒泰制药处在哪个阶段？选好后点**检查**。

# %%
Exercise("03w.hengtai_stage", lambda answer: examples.check_deal("hengtai", "stage", answer), choose("stage"))

# %% [markdown] lang="en" tags=["solution"]
# **Answer.** Evaluating products: a scored trial of shortlisted systems and a request for
# references; price has not started, so it is not yet the purchase decision. Our work: prove
# capability (the references, a strong trial). Ask the room which person's scores we know least
# about.

# %% [markdown] lang="zh" tags=["solution"]
# **答案。** 评估产品：入围系统在打分试用，客户在要参考案例；还没开始谈价格，所以还不是购买决策。我们的工作是证明能力（参考案例、把试用做好）。可以问学员：哪个人的打分我们最没把握？

# %% tags=["solution"]
examples.check_deal("hengtai", "stage", "evaluating")

# %% [markdown] lang="en"
# ---
# [Back to module 03](../../notebooks/{{lang}}/03_buying_stages.ipynb)

# %% [markdown] lang="zh"
# ---
# [返回第03课](../../notebooks/{{lang}}/03_buying_stages.ipynb)

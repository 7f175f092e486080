# %% [markdown] lang="en"
# # 04 · Workbook: Decision chain and decision modes
#
# **Time:** about 20 minutes · **Goes with:** [module 04](../../notebooks/{{lang}}/04_decision_chain.ipynb)
#
# Two customers, two ways of deciding, and in each a clue that points the wrong way. Name the
# mode, then say to yourself who matters most under it. Answer in the forms and press
# **Check**; your answers are kept.

# %% [markdown] lang="zh"
# # 04 · 练习册：决策链与决策方式
#
# **时间：** 约20分钟 · **配套课程：** [第04课](../../notebooks/{{lang}}/04_decision_chain.ipynb)
#
# 两个客户，两种决策方式，每个都藏着一条容易把人带偏的线索。先判断决策方式，再想一想在这种方式下谁最关键。在表单里作答并点**检查**；你的作答会被保存。

# %%
import powermap_kit as pk
from powermap_kit import examples
from powermap_kit.widgets import Exercise, choose

pk.set_language("{{lang}}")

# %% [markdown] lang="en"
# ## Task 1: Lanjiang Water
#
# From Pang Yue's notes (workbooks 01 and 03):
#
# - At a provincial meeting Chairman Yan announced that Lanjiang will do leak monitoring, and
#   named the standard to follow.
# - GM Hong to his managers: “The direction is set. Your job is a delivery plan by March.”
# - Director Miao's institute writes the implementation details and the acceptance criteria.
# - In August three vendors ran a field test; Miao's engineers wrote a short report on each.
# - Nobody mentions a panel, a vote or a scoring sheet.
#
# How does Lanjiang decide? Choose and press **Check**.

# %% [markdown] lang="zh"
# ## 第1题：蓝江水务
#
# 摘自庞越的记录（练习册01和03）：
#
# - 严董在省里的会上宣布蓝江要做漏损监测，并点名了要参照的标准。
# - 洪总对各部门负责人说：“方向已经定了。你们的任务是三月前拿出实施方案。”
# - 苗所长的管网所负责写实施细则和验收标准。
# - 8月有三家供应商做了现场测试，苗所长的工程师给每家写了一份简短报告。
# - 没有人提到评审组、投票或评分表。
#
# 蓝江水务是怎么做决定的？选好后点**检查**。

# %%
Exercise("04w.lanjiang_mode", lambda answer: examples.check_deal("lanjiang", "decision_mode", answer),
         choose("decision_mode"))

# %% [markdown] lang="en" tags=["solution"]
# **Answer.** The executive decides, the team executes. The chairman made the call and named the
# standard; the GM's team carries it out; the field test and its reports serve delivery, not a
# choice between recommendations (the distracting clue). Under this mode the approver and top
# decision maker carry the deal: Pang Yue's next move is a route to Chairman Yan (through Tong
# Xin or an executive of ours), while Miao's acceptance criteria still decide whether we can
# deliver.

# %% [markdown] lang="zh" tags=["solution"]
# **答案。** 高层确定，团队执行。董事长拍了板、点了标准；总经理的团队负责落实；现场测试和报告是为实施服务的，不是在几份推荐里做选择（这是那条容易带偏的线索）。在这种方式下，决策审批者和最高决策者决定成败：庞越下一步要找到通往严董的路（经由童欣，或请我方高层出面），同时苗所长的验收标准仍决定我们能不能交付。

# %% tags=["solution"]
examples.check_deal("lanjiang", "decision_mode", "top_down")

# %% [markdown] lang="en"
# ## Task 2: Hengtai Pharmaceutical
#
# At Hengtai (module 02 and workbook 03):
#
# - Ouyang Nan's team scores both systems on a sheet after the trial.
# - Cao Min: “The scores inform me; they do not bind me. I will send one name up.”
# - Deputy GM Yuan Ming signs contracts above two million.
# - Two years ago Yuan Ming sent Cao Min's choice of a stability-testing system back because of
#   its price; the cheaper vendor was bought.
#
# How does Hengtai decide? Choose and press **Check**.

# %% [markdown] lang="zh"
# ## 第2题：恒泰制药
#
# 恒泰制药（第02课和练习册03）：
#
# - 试用结束后，欧阳楠的团队要按评分表给两套系统打分。
# - 曹敏：“分数供我参考，但不约束我。我会报一家上去。”
# - 两百万以上的合同由袁明副总签字。
# - 两年前，袁副总因为价格退回了曹敏选定的稳定性试验系统，最后买了更便宜的那家。
#
# 恒泰制药是怎么做决定的？选好后点**检查**。

# %%
Exercise("04w.hengtai_mode", lambda answer: examples.check_deal("hengtai", "decision_mode", answer),
         choose("decision_mode"))

# %% [markdown] lang="en" tags=["solution"]
# **Answer.** Evaluators recommend, an executive decides. There is a scoring sheet (the
# distracting clue), but the scores do not decide: Cao Min recommends one name and Yuan Ming
# approves, and he has overturned her before on price. So we need the trial scores, Cao Min's
# recommendation *and* Yuan Ming's approval, with a price story ready for him. This is the
# “lost because of the approver” pattern of module 04, seen before it happens.

# %% [markdown] lang="zh" tags=["solution"]
# **答案。** 评估人推荐制，高层拍板。虽然有评分表（这是带偏的线索），但分数并不决定结果：曹敏推荐一家，袁明审批，而且他以前就因为价格推翻过她的选择。所以我们既要试用分数、又要曹敏的推荐，*还*要袁明的批准，并为他准备好价格方面的说法。这正是第04课“因决策审批者输单”的模式，只不过这次我们提前看到了。

# %% tags=["solution"]
examples.check_deal("hengtai", "decision_mode", "recommend_then_approve")

# %% [markdown] lang="en"
# ---
# [Back to module 04](../../notebooks/{{lang}}/04_decision_chain.ipynb)

# %% [markdown] lang="zh"
# ---
# [返回第04课](../../notebooks/{{lang}}/04_decision_chain.ipynb)

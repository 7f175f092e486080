# %% [markdown] lang="en"
# # 01 · Workbook: Why power maps
#
# **Time:** about 15 minutes · **Goes with:** [module 01](../../notebooks/{{lang}}/01_why_power_maps.ipynb)
#
# Two tasks: put the seven steps of building a map in order from memory, then escape
# single-threading in a new customer, at a later stage and in a different kind of
# organisation. Answer in the forms and press **Check**; change your answer and check again as
# often as you like. Your answers are kept.

# %% [markdown] lang="zh"
# # 01 · 练习册：为什么要画权力地图
#
# **时间：** 约15分钟 · **配套课程：** [第01课](../../notebooks/{{lang}}/01_why_power_maps.ipynb)
#
# 两道题：先凭记忆把绘制地图的七个步骤排好顺序；再换一个客户练习跳出单线联系：项目阶段更靠后，组织类型也不一样。在表单里作答并点**检查**；可以反复修改、反复检查。你的作答会被保存。

# %%
import powermap_kit as pk
from powermap_kit import course, examples
from powermap_kit.widgets import Exercise, order, people, pick

pk.set_language("{{lang}}")

# %% [markdown] lang="en"
# ## Task 1: the seven steps, in order
#
# The steps below are mixed up. Use the arrows to put them in the order you would do them,
# then press **Check**. Try it without looking back at module 01.

# %% [markdown] lang="zh"
# ## 第1题：七个步骤排序
#
# 下面的步骤顺序是打乱的。用箭头把它们排成你实际操作的顺序，然后点**检查**。尽量不要回头翻第01课。

# %%
Exercise("01w.build_order", course.check_building_order, order(examples.step_items()))

# %% [markdown] lang="en" tags=["solution"]
# **Answer.** Define the goal → gather information → identify roles → analyse relationships →
# draw the map → analyse and plan → keep it updated. The common mistakes are drawing before
# gathering (the map then shows only the people we already know) and treating “keep it
# updated” as optional: it is a step because power structures change.

# %% [markdown] lang="zh" tags=["solution"]
# **答案。** 确定目标 → 收集信息 → 识别角色 → 分析关系 → 绘制地图 → 分析并制定策略 → 持续更新。常见错误是还没收集信息就开始画（结果图上只有我们已经认识的人），以及把“持续更新”当成可有可无：它之所以是一步，是因为权力结构会变。

# %% tags=["solution"]
course.check_building_order(list(course.PROCESS_STEPS))

# %% [markdown] lang="en"
# ## Task 2: whom to reach at Lanjiang Water
#
# **Lanjiang Water Group**, a city water utility, is buying a service that finds leaks in its
# supply network. Our account manager Pang Yue is close to Shi Yiming, an engineer at the
# dispatch centre, and forecasts 90 %. Her notes:
#
# | date | with | what happened |
# |---|---|---|
# | weekly | Shi Yiming, dispatch engineer | Loves our demo. “My shift would use it every day, but nobody asks me about purchases.” |
# | 6 Nov | Shi Yiming | “Chairman Yan announced at the provincial meeting that we will do leak monitoring, and named the standard to follow.” |
# | 13 Nov | Shi Yiming | “Director Miao at the network institute writes the technical specification and the acceptance criteria. A plan that falls short goes back.” |
# | 18 Nov | Wen Yun, procurement supervisor (email) | “I run the purchase and draft the contract as the general manager instructs.” |
# | 20 Nov | Shi Yiming | “GM Hong carries out the chairman's decisions. Any vendor's delivery plan needs his nod.” |
# | 25 Nov | Tong Xin, head of the chairman's office (phone) | Polite. “The chairman's diary is full until January.” |
#
# Pick the **three people the decision turns on**, beyond Shi Yiming, and press **Check**.

# %% [markdown] lang="zh"
# ## 第2题：蓝江水务该去接触谁
#
# **蓝江水务集团**是一家城市供水企业，正在采购供水管网漏损监测服务。我方客户经理庞越和调度中心工程师石一鸣关系很好，预测赢率90%。她的记录：
#
# | 日期 | 对象 | 情况 |
# |---|---|---|
# | 每周 | 石一鸣，调度中心工程师 | 非常喜欢我们的演示。“以后我们班组天天要用，可采购的事从来不问我。” |
# | 11月6日 | 石一鸣 | “严董在省里的会上宣布我们要做漏损监测，还点名了要参照的标准。” |
# | 11月13日 | 石一鸣 | “管网所的苗所长负责写技术规范和验收标准。方案不达标，就得打回去。” |
# | 11月18日 | 温芸，物资采购部主管（邮件） | “我按总经理的要求走采购流程、起草合同。” |
# | 11月20日 | 石一鸣 | “洪总负责落实董事长的决定。哪家供应商的实施方案，都得他点头。” |
# | 11月25日 | 童欣，董事长办公室主任（电话） | 很客气。“董事长一月份之前的日程都排满了。” |
#
# 选出除石一鸣以外，**决定取决于他们的三个人**，然后点**检查**。

# %%
lanjiang = pk.load_example("lanjiang")
Exercise("01w.reach_lanjiang", lambda answer: examples.check_reach("lanjiang", answer, contact="shi_yiming"),
         pick(people(lanjiang), count=3))

# %% [markdown] lang="en" tags=["solution"]
# **Answer.** Yan Wei (chairman: he decided it and named the standard), Hong Jiaming (GM: he
# carries it out and must approve the delivery plan) and Miao Li (head of the network
# institute: he writes the specification and acceptance criteria and can send a plan back).
# Tong Xin matters as the gate to the chairman, but the decision does not turn on her; Wen Yun
# executes; Shi Yiming is our friendly user without a say. Compared with Yunfan in the module,
# the power sits higher (a chairman's decision) and the technical gate is a specification, not
# a pilot: single-threading through a user is just as blind.

# %% [markdown] lang="zh" tags=["solution"]
# **答案。** 严伟（董事长：是他拍板要做，并点名了标准）、洪家明（总经理：负责落实，实施方案要他点头）、苗立（管网所所长：写技术规范和验收标准，可以把方案打回去）。童欣作为见董事长的“门”很重要，但决定并不取决于她；温芸负责执行；石一鸣是友好的用户，没有发言权。和课上的云帆超市相比，这里的权力更集中在高层（董事长拍板），技术关口是规范而不是试点：只靠一个用户单线联系，同样看不清全局。

# %% tags=["solution"]
examples.check_reach("lanjiang", ["yan_wei", "hong_jiaming", "miao_li"], contact="shi_yiming")

# %% [markdown] lang="en"
# ---
# [Back to module 01](../../notebooks/{{lang}}/01_why_power_maps.ipynb)

# %% [markdown] lang="zh"
# ---
# [返回第01课](../../notebooks/{{lang}}/01_why_power_maps.ipynb)

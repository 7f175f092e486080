# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] lang="en"
# # 00 · Start here: customer power maps
#
# **Time:** 10 minutes (5 reading, 5 trying the widgets)
#
# **Questions**
# - What does this course teach, and in what order?
# - How do I answer an exercise, and where is my work kept?
#
# **Objectives:** after this module you can
# - say in one sentence what a customer power map (客户权力架构图) is for;
# - read a small map: colours, role letters, power, the coach star;
# - answer an exercise with the widgets and find your answers again later.

# %% [markdown] lang="zh"
# # 00 · 从这里开始：客户权力架构图
#
# **时间：** 10分钟（阅读5分钟，试用练习控件5分钟）
#
# **本课回答的问题**
# - 这门课教什么？按什么顺序学？
# - 练习怎么作答？我的答案保存在哪里？
#
# **学完本课，你能够**
# - 用一句话说清客户权力架构图（也叫权力地图）是用来做什么的；
# - 看懂一张小地图：颜色、角色字母、权力大小、教练星标；
# - 用练习控件作答，并在下次打开时找回自己的答案。

# %%
import powermap_kit as pk
from powermap_kit import course, examples
from powermap_kit.widgets import Exercise, choose

pk.set_language("{{lang}}")

# %% [markdown] lang="en"
# ## What a power map is for
#
# In a big deal no one person buys. Someone signs, someone chooses, someone tests, someone
# runs the tender, and someone will use what is bought. A **customer power map** is one
# picture of all of them for one opportunity: who the people are, what **buying role**
# each plays, how much **power** each has, where each **stands toward us**, what each needs,
# and how they are connected. Its job is simple: find who really decides, put our effort
# on the people who matter, and plan what to do with each of them.
#
# You learn it in four steps: the ideas (modules 01–05), gathering intelligence and building
# a map (06–07), analysing it and planning action (08–09), then two full customer cases.

# %% [markdown] lang="zh"
# ## 权力地图是做什么用的
#
# 大项目从来不是一个人买单：有人签字，有人拍板，有人测试评估，有人组织招标，还有人将来天天使用。**客户权力架构图**（也叫权力地图）就是针对一个商机，把这些人画在一张图上：都有谁、各自扮演什么**采购角色**、**权力**有多大、对我们是什么**态度**、各自需要什么、彼此之间是什么关系。它的用处很直接：找到真正拍板的人，把精力花在关键人物身上，并为每个人制定打法。
#
# 课程分四步：先学概念（第01–05课），再学收集情报、绘制地图（第06–07课），然后分析地图、制定行动（第08–09课），最后是两个完整的客户案例。

# %% [markdown] lang="en"
# ## Reading a map
#
# Here is a small, invented example: **Qingshan Cold-Chain Logistics** is choosing a system
# that watches the temperature in its cold stores. Each box is a person. The colour is their
# stance toward us (grey means we do not know yet), the letters are their buying roles, P is
# their power from 1 to 5, and ★ marks our **coach** (教练), an insider who guides us.
# Lines show who reports to whom and who influences whom. Take a minute with it: who signs,
# and whose view have we never heard?

# %% [markdown] lang="zh"
# ## 怎么看一张地图
#
# 下面是一个虚构的小例子：**青山冷链物流**正在选一套冷库温控监测平台。每个方框是一个人：颜色表示此人对我们的态度（灰色表示还不知道），字母是采购角色，P是权力大小（1到5），★标出我们的**教练**，也就是在客户内部给我们通风报信、出主意的人。连线表示汇报关系和影响关系。花一分钟看看：谁签字？谁的态度我们还从没听到过？

# %%
qingshan = pk.load_example("qingshan")
course.map_picture(qingshan)

# %% [markdown] lang="en"
# ## Try an exercise
#
# Exercises are answered by choosing, ticking or typing in a small form, then pressing
# **Check**. The feedback says what fits, what does not and where to look; change your answer
# and check again as often as you like.
#
# Try it now, with a guess (module 03 teaches the real method). At Qingshan the IT manager
# is testing two vendors' systems side by side and writing a report comparing them. Where is
# Qingshan in its buying journey?

# %% [markdown] lang="zh"
# ## 试做一道练习
#
# 练习的作答方式是：在小表单里选择、勾选或填写，然后点**检查**。反馈会告诉你哪里对、哪里不对、该回头看哪里；你可以改了再查，次数不限。
#
# 现在就试一下，凭感觉选就行（第03课会教正式的判断方法）。青山冷链的信息部经理正在把两家供应商的系统放在一起测试，并撰写对比报告。青山冷链处在采购旅程的哪个阶段？

# %%
Exercise("00.first_try", lambda answer: examples.check_deal("qingshan", "stage", answer), choose("stage"))

# %% [markdown] lang="en"
# ## Your work is kept
#
# Your answers and the maps you build are saved as you work. Close the tab or restart
# the kernel and nothing is lost: open the same notebook and your last answers are back under
# each exercise. The folder below is where they live; on a workshop server your trainer
# may collect from it.

# %% [markdown] lang="zh"
# ## 你的作答会自动保存
#
# 你的答案和绘制的地图都会随时保存。关掉页面或重启内核都不会丢：重新打开同一个笔记本，每道练习下面都会恢复你上次的答案。下面显示的就是保存位置；在培训服务器上，讲师可能会从这里收集大家的作答。

# %%
pk.work_folder()

# %% [markdown] lang="en"
# ## The course map
#
# | | module | what you learn |
# |---|---|---|
# | 01 | [Why power maps](01_why_power_maps.ipynb) | one friendly contact is not enough; seven steps; three pitfalls |
# | 02 | [Roles and frameworks](02_roles_and_frameworks.ipynb) | the eight buying roles and how other frameworks name them |
# | 03 | [Buying stages](03_buying_stages.ipynb) | the customer's five stages and our work at each |
# | 04 | [Decision chain](04_decision_chain.ipynb) | the five chain roles and the three ways customers decide |
# | 05 | [Support](05_support.ipynb) | rating where each person stands, with evidence |
# | 06 | [Intelligence and the coach](06_intelligence_and_coach.ipynb) | what to find out, from whom; finding and checking a coach |
# | 06b | [Intelligence toolkit](06b_intelligence_toolkit.ipynb) *(optional)* | gaps, questions to ask, the fishbone |
# | 07 | [Building a map](07_building_a_map.ipynb) | the map builder, step by step |
# | 08 | [Analysing a map](08_analysing_a_map.ipynb) | whom first, which route, whose interests clash |
# | 09 | [Strategy and actions](09_strategy_and_actions.ipynb) | trust, relationship steps, visits, executives |
# | 10 | [Case: IT solution](10_case_it_solution.ipynb) | a manufacturer's IT project, mapped from its documents |
# | 11 | [Case: medical device](11_case_medical_device.ipynb) | a hospital's equipment purchase |
# | 12 | [Dynamic change](12_dynamic_change.ipynb) | the customer changes: update the map |
# | 15 | [Your own deal](15_your_own_deal.ipynb) | map a live opportunity of your own and leave with a plan |
#
# For trainers: [13 Reviewing trainees' maps](13_coach_review.ipynb) and
# [14 Trainer guide](14_trainer_guide.ipynb). Each module has a workbook with more practice in the
# [exercises folder](../../exercises/{{lang}}/). Your trainer tells you which track you follow
# (one day or two).

# %% [markdown] lang="zh"
# ## 课程地图
#
# | | 课程 | 学什么 |
# |---|---|---|
# | 01 | [为什么要画权力地图](01_why_power_maps.ipynb) | 只靠一个熟人不够；绘图七步；三个陷阱 |
# | 02 | [角色与角色框架](02_roles_and_frameworks.ipynb) | 八种采购角色，以及其他框架的叫法 |
# | 03 | [客户采购的五个阶段](03_buying_stages.ipynb) | 客户的五个阶段，以及每个阶段我们该做什么 |
# | 04 | [决策链与决策方式](04_decision_chain.ipynb) | 决策链五种角色与客户的三种决策方式 |
# | 05 | [客户支持度](05_support.ipynb) | 有依据地评估每个人的态度 |
# | 06 | [情报与教练](06_intelligence_and_coach.ipynb) | 要了解什么、向谁了解；发展和验证教练 |
# | 06b | [情报工具箱](06b_intelligence_toolkit.ipynb)（选学） | 信息缺口、提问清单、鱼骨图 |
# | 07 | [绘制权力地图](07_building_a_map.ipynb) | 一步一步使用地图绘制工具 |
# | 08 | [分析权力地图](08_analysing_a_map.ipynb) | 先找谁、走哪条路、谁和谁利益冲突 |
# | 09 | [策略与行动](09_strategy_and_actions.ipynb) | 信任、关系五步、拜访、高层关系 |
# | 10 | [案例：IT解决方案](10_case_it_solution.ipynb) | 根据资料为一家制造企业的IT项目画图 |
# | 11 | [案例：医疗器械](11_case_medical_device.ipynb) | 一家医院的设备采购 |
# | 12 | [动态变化](12_dynamic_change.ipynb) | 客户发生变化：更新地图 |
# | 15 | [你自己的商机](15_your_own_deal.ipynb) | 为自己手上的真实商机画图，带着行动计划离开 |
#
# 供讲师使用：[13 带教复盘](13_coach_review.ipynb)和[14 讲师指南](14_trainer_guide.ipynb)。每课都配有练习册，放在[练习文件夹](../../exercises/{{lang}}/)里。你走一天还是两天的课程安排，由讲师告诉你。

# %% [markdown] lang="en"
# ## Discuss
#
# Think of the last big deal you worked on. How many people on the customer's side took part
# in the decision, and how many of them did you actually speak to?
#
# ## Key points
#
# - A power map shows, for one deal, who decides, who influences, where each person stands
#   and how they are connected.
# - Grey means unknown: a gap to fill, never a guess.
# - Every exercise is answered in a form with a Check button; your answers are kept.
#
# ---
# [Next: 01 Why power maps →](01_why_power_maps.ipynb)

# %% [markdown] lang="zh"
# ## 讨论
#
# 回想你最近跟进的一个大项目：客户那边有多少人参与了决定？其中你真正打过交道的有几个？
#
# ## 要点
#
# - 权力地图针对一个商机，画出谁拍板、谁施加影响、每个人的态度以及彼此的关系。
# - 灰色代表未知：这是要去补的信息缺口，不能靠猜。
# - 每道练习都在表单里作答，点“检查”看反馈；你的答案会被保存。
#
# ---
# [下一课：01 为什么要画权力地图 →](01_why_power_maps.ipynb)

# %% [markdown] lang="en" tags=["trainer"]
# ## Facilitator notes: 00 Start here
#
# **Timing (10 min).** Purpose of a power map 3 min · reading the Qingshan map 3 min · the first
# exercise 2 min · where work is kept and the course map 2 min.
#
# **Key message.** A deal is decided by several people; the map makes them visible so effort
# goes where the decision is made.
#
# **Common misconceptions and how to address them.**
# - "A power map is an org chart." Point at Peng Hui: the org chart shows her reporting to the
#   GM, the map adds that her cost review comes before his signature and that we have never
#   met her. The map adds role, power, stance and evidence.
# - "Grey boxes are neutral people." No: grey is *unknown*. Module 05 insists on this; plant
#   it now.
# - "The first exercise is a test." It is a try-out of the Check button; any answer is fine.
#
# **Discussion prompt and expected answers.** "How many people decided your last big deal,
# and how many did you speak to?" Expect 5–10 decision participants and 1–3 contacts. Use the
# gap to open module 01.
#
# **Answer of the first exercise.** Evaluating products: they are comparing two vendors'
# systems in a test and writing a comparison report. Do not teach the stages yet.
#
# **If the room is ahead:** ask who on the Qingshan map they would visit first and why (keep
# the answer for module 08). **If behind:** skip the course-map table; point to it later.
#
# **Sources.** The definition and purpose: seed 000 §1 (客户权力架构图: decision makers,
# influencers, users, purchasing leads; boxes for people, arrows for relationships), seed 002
# (权力地图, power size and stance on the map), seed 003 unit 1 (决策链、权力地图 as part of the
# intelligence system). The Qingshan example and its people are ours (invented).

# %% [markdown] lang="zh" tags=["trainer"]
# ## 讲师备注：00 从这里开始
#
# **时间安排（10分钟）。** 权力地图的用途3分钟 · 读青山冷链的地图3分钟 · 第一道练习2分钟 · 作答保存与课程地图2分钟。
#
# **核心信息。** 一个项目由多人共同决定；权力地图让这些人都“看得见”，把精力投到真正做决定的地方。
#
# **常见误区及应对。**
# - “权力地图就是组织架构图。”指着彭慧讲：架构图只显示她向总经理汇报；权力地图还告诉我们，总经理签字前要先看她的成本复核，而我们从没见过她。地图多出来的是角色、权力、态度和依据。
# - “灰色方框就是中立的人。”不对：灰色是**未知**。第05课会重点强调，这里先埋下伏笔。
# - “第一道练习是考试。”它只是让大家试用“检查”按钮，选什么都可以。
#
# **讨论题与参考答案。**“你最近一个大项目有几个人参与决定？你接触过几个？”通常参与决定的有5到10人，接触过的只有1到3人。用这个差距引出第01课。
#
# **第一道练习的答案。** 评估产品：客户正在测试对比两家供应商的系统并撰写对比报告。此处先不展开讲阶段。
#
# **学员进度快时：** 问大家如果去青山冷链，第一个拜访谁、为什么（答案留到第08课）。**进度慢时：** 跳过课程地图表格，之后再提。
#
# **内容来源。** 定义与用途：种子000第一节（客户权力架构图：关键决策者、影响者、用户、采购负责人；方框代表角色，箭头代表关系）；种子002（权力地图，标注权力大小和立场）；种子003第一单元（决策链、权力地图是情报系统的一部分）。青山冷链这个例子及其人物是我们虚构的。

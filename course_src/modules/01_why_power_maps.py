# %% [markdown] lang="en"
# # 01 · Why power maps
#
# **Time:** 20 minutes teaching + 15 minutes exercises
#
# **Questions**
# - Why is one friendly contact not enough?
# - How is a power map built?
# - What goes wrong with power maps?
#
# **Objectives:** after this module you can
# - explain single-threading and the three things it costs;
# - pick out, from an account manager's notes, the people a decision turns on;
# - name the seven steps of building a map, in order;
# - recognise the three pitfalls and say what to do about each.

# %% [markdown] lang="zh"
# # 01 · 为什么要画权力地图
#
# **时间：** 讲授20分钟 + 练习15分钟
#
# **本课回答的问题**
# - 为什么只靠一个关系好的联系人不够？
# - 权力地图是怎么画出来的？
# - 权力地图容易在哪里出问题？
#
# **学完本课，你能够**
# - 说清什么是“单线联系”，以及它带来的三种代价；
# - 从客户经理的拜访记录里找出真正左右决定的人；
# - 按顺序说出绘制权力地图的七个步骤；
# - 识别三个常见陷阱，并说出各自的应对办法。

# %%
import powermap_kit as pk
from powermap_kit import course, examples
from powermap_kit.widgets import Exercise, choose_each, people, pick

pk.set_language("{{lang}}")

# %% [markdown] lang="en"
# ## What a power map is
#
# A **customer power map** (客户权力架构图, also called 权力地图) is a picture of the customer's
# organisation for one opportunity: who the people are, what buying role each plays, how
# much power each has, where each stands toward us, what each needs, and how they relate.
# It is drawn simply, with boxes for people and arrows for relationships.
#
# It exists for three reasons: to find who really decides, to put our effort on the key
# people, and to plan what to do with each of them.

# %% [markdown] lang="zh"
# ## 什么是权力地图
#
# **客户权力架构图**（也叫权力地图、客户关系地图）针对一个具体商机，把客户组织画成一张图：都有哪些人、各自扮演什么采购角色、权力有多大、对我们是什么态度、各自需要什么、彼此什么关系。画法很朴素：方框代表人，箭头代表关系。
#
# 画它有三个目的：找到真正拍板的人；把精力集中在关键人物身上；为每个人制定具体打法。

# %% [markdown] lang="en"
# ## One friendly contact is not a map
#
# Every sales manager knows these habits: circling among the customer's junior staff while
# feeling fine; treating the customer as one person and believing whatever the contact says;
# spending all the effort on whoever is easiest to reach. We call this **single-threading**
# (单线联系): one line into the account. It costs three things:
#
# - **wasted effort** on people who do not decide;
# - **a blind spot**: no view of the real decision or the real needs;
# - **lost orders**, because the person who decides was never won over.

# %% [markdown] lang="zh"
# ## 一个熟人撑不起一张地图
#
# 这些情形销售管理者都不陌生：一直在客户基层人员里“打转转”，还自我感觉良好；把客户看成一个整体，对接人说什么就信什么；把所有精力都花在最好接触的人身上。我们把这叫作**单线联系**：进入客户只有一条线。它有三种代价：
#
# - **资源分配不当**：时间精力花在不做决定的人身上；
# - **信息不畅通**：看不到真实的决策过程和真实需求；
# - **赢单率低**：真正拍板的人从头到尾没被影响过，订单自然丢了。

# %% [markdown] lang="en"
# ## A deal seen through one contact
#
# **Yunfan Supermarkets** (62 stores) wants a system that keeps store shelves stocked and
# reorders automatically. Our account manager Gu Ning has logged 18 contacts since September,
# 13 of them with Xie Xiaodong, the friendly IT supervisor. The CRM says 70 %. Here are her notes.
#
# | date | with | what happened |
# |---|---|---|
# | weekly | Xie Xiaodong, IT supervisor | Likes our system. “I handle the interfaces; money is not my department.” |
# | 16 Oct | Ke Lin, VP store operations | 20 minutes. “Empty shelves cost us 3 % of sales. Show me the numbers first.” Xie afterwards: “The budget line is in her centre, and stock-outs are on her scorecard.” |
# | 23 Oct | Xie Xiaodong | “Anything above one million goes to Mr Wei's office meeting. I have never been in that room.” |
# | 30 Oct | Xie Xiaodong | “No proposal reaches that meeting without the CFO's payback review attached. Mr Tang sent two proposals back last year.” We have never met Tang Zhicheng. |
# | 10 Nov | Qin Yue, flagship store manager | Visited one of our customers' stores with us. Keen: “My staff would love this.” |
# | 17 Nov | Fan Lei, purchasing manager | “Call me once the project is approved; then I run the quotes.” |
# | 20 Nov | supplier day | Yu Bo, merchandising manager, sets the reordering rules. He told the room he prefers the current ERP vendor's module. |

# %% [markdown] lang="zh"
# ## 从一个联系人眼里看到的项目
#
# **云帆连锁超市**（62家门店）想上一套门店库存与自动补货系统。我方客户经理顾宁从9月以来记录了18次接触，其中13次是和信息部主管谢晓东，他对我们很友好。CRM里写着“赢率70%”。下面是她的记录。
#
# | 日期 | 对象 | 情况 |
# |---|---|---|
# | 每周 | 谢晓东，信息部主管 | 很认可我们的系统。“我负责接口，钱的事不归我管。” |
# | 10月16日 | 柯琳，营运副总 | 谈了20分钟。“断货让我们损失3%的销售额。先拿数据给我看。”事后谢晓东说：“预算挂在她的营运中心，缺货率是她的考核指标。” |
# | 10月23日 | 谢晓东 | “一百万以上的项目都要上魏总的总经理办公会。那个会我从来没进去过。” |
# | 10月30日 | 谢晓东 | “立项报告上会前必须附上财务总监的投资回报审核意见。去年汤总就退回过两份。”我们从没见过汤志诚。 |
# | 11月10日 | 秦悦，旗舰店店长 | 跟我们参观了一家客户门店，很感兴趣：“店员肯定喜欢。” |
# | 11月17日 | 范蕾，采购经理 | “等项目批下来再找我，到时候由我来询价。” |
# | 11月20日 | 供应商交流会 | 商品部经理俞波负责制定补货规则，他当众说更看好现有ERP厂商的补货模块。 |

# %% [markdown] lang="en"
# ## Exercise 1 (7 minutes): beyond the friendly contact
#
# Gu Ning must stop single-threading through Xie Xiaodong. Read the notes again and pick the
# **three people the decision turns on**: the people without whom it cannot happen. Liking us
# is not the test; power over this decision is. Then press **Check**.

# %% [markdown] lang="zh"
# ## 练习1（7分钟）：跳出单线联系
#
# 顾宁不能再只靠谢晓东这一条线了。请重读上面的记录，选出**决定取决于他们的三个人**：缺了他们，这件事就做不成。标准不是谁喜欢我们，而是谁对这个决定有权力。选好后点**检查**。

# %%
yunfan = pk.load_example("yunfan")
Exercise("01.reach", lambda answer: examples.check_reach("yunfan", answer, contact="xie_xiaodong"),
         pick(people(yunfan), count=3))

# %% [markdown] lang="en"
# ## Building a map, step by step
#
# The sources describe the same process in slightly different words; put together it has
# seven steps, from setting the goal to keeping the map up to date. Information comes from
# public sources, the CRM's history and direct contact, and from interviews, questionnaires,
# observation and data analysis. Module 07 walks through the steps hands-on.

# %% [markdown] lang="zh"
# ## 绘制地图的七个步骤
#
# 不同资料对绘制过程的说法略有出入，合起来是七步：从确定目标一直到持续更新。信息来源包括公开渠道、CRM中的历史记录和直接接触，也包括访谈、问卷、观察和数据分析。第07课会带你动手走一遍。

# %%
course.building_process()

# %% [markdown] lang="en"
# ## Three pitfalls
#
# Power maps go wrong in three ways. **Information asymmetry** (信息不对称): part of the
# organisation is out of sight, so the map is incomplete. **Dynamic change** (动态变化): people
# move and organisations change, so an old map misleads. **Over-reliance** (过度依赖): the map
# stands in for the relationship work it was meant to guide.

# %% [markdown] lang="zh"
# ## 三个陷阱
#
# 权力地图常在三个地方出问题。**信息不对称**：看不到组织的一部分，地图不完整。**动态变化**：人员调动、组织调整，旧地图会误导判断。**过度依赖**：拿地图代替了它本应指导的客户关系工作。

# %%
course.pitfalls_table()

# %% [markdown] lang="en"
# ## Exercise 2 (8 minutes): name the pitfall
#
# Each situation shows one of the three pitfalls. Choose one for each, then press **Check**.
# Two situations may show the same pitfall.

# %% [markdown] lang="zh"
# ## 练习2（8分钟）：说出是哪个陷阱
#
# 每个情境都对应三个陷阱中的一个。请逐一选择，然后点**检查**。两个情境可能对应同一个陷阱。

# %%
Exercise("01.pitfalls", course.check_pitfalls, choose_each(examples.situation_items(), examples.pitfall_options()))

# %% [markdown] lang="en"
# ## Discuss
#
# Think of a deal you lost or one that stalled. How many people in the customer did you speak
# to, and which one decided? Which of the three pitfalls did you fall into, and what would have
# shown it earlier?
#
# ## Key points
#
# - A power map shows, for one opportunity, who decides, who influences, where each person
#   stands and how they relate.
# - Single-threading wastes effort, hides the decision and loses orders; the friendliest
#   contact is rarely the one with the power.
# - Building a map takes seven steps, from the goal to keeping it updated.
# - Beware information asymmetry, dynamic change and over-reliance: mark the unknown, date
#   what you learn, and use the map to plan conversations, not to replace them.
#
# More practice: [workbook 01](../../exercises/{{lang}}/01_why_power_maps_exercises.ipynb)
#
# ---
# [← Previous: 00 Start here](00_start_here.ipynb) · [Next: 02 Roles and frameworks →](02_roles_and_frameworks.ipynb)

# %% [markdown] lang="zh"
# ## 讨论
#
# 回想一个丢掉或停滞的项目：客户那边你接触过几个人？最后是谁拍的板？你掉进了哪个陷阱？当时有什么迹象本可以更早提醒你？
#
# ## 要点
#
# - 权力地图针对一个商机，呈现谁拍板、谁施加影响、每个人的态度以及彼此的关系。
# - 单线联系会浪费精力、看不清决策、丢掉订单；关系最好的人，往往不是最有权力的人。
# - 绘制地图分七步，从确定目标到持续更新。
# - 警惕信息不对称、动态变化和过度依赖：不知道的就标“未知”，获得的信息要注明日期，用地图来规划沟通，而不是代替沟通。
#
# 更多练习：[练习册01](../../exercises/{{lang}}/01_why_power_maps_exercises.ipynb)
#
# ---
# [← 上一课：00 从这里开始](00_start_here.ipynb) · [下一课：02 角色与角色框架 →](02_roles_and_frameworks.ipynb)

# %% [markdown] lang="en" tags=["trainer"]
# ## Facilitator notes: 01 Why power maps
#
# **Timing (35 min).** What a power map is 3 min · single-threading 5 min · reading Gu Ning's
# notes 5 min · exercise 1: 7 min plus 3 min debrief · seven steps 3 min · pitfalls 3 min ·
# exercise 2: 8 min including debrief · discussion as time allows.
#
# **Key message.** The friendliest contact is rarely the one with the power: map everyone the
# decision turns on, not just the people who take our calls.
#
# **Exercise 1, expected answer and reasoning.** Wei Jianping (GM: every project above one
# million goes to the office meeting he chairs), Ke Lin (VP store operations: the budget line
# and the stock-out KPI are hers) and Tang Zhicheng (CFO: no proposal reaches the meeting
# without his payback review). Yu Bo matters (he sets the reordering rules and opposes us) but
# the decision does not need him; Fan Lei comes in only after approval; Qin Yue is a keen user
# without a say. Xie Xiaodong is the contact we already have.
#
# **Exercise 2, expected answers.** s1 information asymmetry (part of the organisation is
# missing from the chart); s2 dynamic change (a reorganisation changes who reports to whom);
# s3 over-reliance (polishing the map instead of taking the meeting); s4 dynamic change
# (a stale map after job changes).
#
# **Common misconceptions and how to address them.**
# - "Xie is our champion, so we are fine." Ask: what can Xie decide? His own words: money is not
#   his department.
# - "70 % in the CRM means we are close." Ask what evidence supports it; nobody with power has
#   said yes.
# - "Yu Bo opposes us, so he must be one of the three." Opposition makes him important to
#   handle (module 09), not the person the decision turns on.
# - "Over-reliance means relying on one contact." In this course it means letting the map
#   replace the relationship work; single-threading is a different problem.
#
# **Discussion prompt.** Lost or stalled deals: expect answers such as "I only knew the IT
# manager", "the boss's boss decided", "a new director arrived". Sort each story into
# single-threading or one of the three pitfalls on the flip chart.
#
# **If the room is ahead:** ask how Gu Ning could reach Tang Zhicheng without going around
# Xie (keep the routes for module 08). **If behind:** do exercise 2 together aloud; the
# building steps can be read in workbook 01.
#
# **Sources.** Single-threading symptoms: seed 003 course background (在客户基层人员里“打转转”,
# 将客户看成一个整体, effort on the easiest role). The three costs: seed 002 (资源分配不当,
# 信息不畅通, 赢单率低). Definition and purpose: seeds 000 §1, 002, 004. Building process: seed 000
# §3, seed 002's four steps, seed 004 §3, information methods from seed 001 §3; the merged
# seven-step list is ours. Pitfalls: seed 000 §6 (信息不对称, 动态变化, 过度依赖); the remedies in
# the table are ours. The Yunfan example and the pitfall situations are ours (invented).

# %% [markdown] lang="zh" tags=["trainer"]
# ## 讲师备注：01 为什么要画权力地图
#
# **时间安排（35分钟）。** 什么是权力地图3分钟 · 单线联系5分钟 · 阅读顾宁的记录5分钟 · 练习1：7分钟，讲评3分钟 · 七个步骤3分钟 · 三个陷阱3分钟 · 练习2：含讲评8分钟 · 剩余时间用于讨论。
#
# **核心信息。** 关系最好的人往往不是最有权力的人：要把决定所依赖的每个人都画上地图，而不只是愿意接我们电话的人。
#
# **练习1参考答案与理由。** 魏建平（总经理：一百万以上的项目都要上他主持的总经理办公会）、柯琳（营运副总：预算和缺货率考核都在她那里）、汤志诚（财务总监：没有他的投资回报审核意见，报告上不了会）。俞波很重要（他定补货规则，而且反对我们），但这个决定并不取决于他；范蕾要等立项之后才介入；秦悦是热心的用户，但没有发言权。谢晓东是我们已经联系上的人。
#
# **练习2参考答案。** 情境一：信息不对称（组织的一部分不在架构图上）；情境二：动态变化（组织调整改变了汇报关系）；情境三：过度依赖（忙着美化地图，却错过了见面）；情境四：动态变化（人员换岗后地图过时）。
#
# **常见误区及应对。**
# - “谢晓东是我们的铁杆，所以没问题。”反问：谢晓东能决定什么？他自己说了，钱的事不归他管。
# - “CRM写着70%，说明快成了。”追问依据是什么：没有一个有权力的人点过头。
# - “俞波反对我们，所以他一定是三个人之一。”反对让他成为需要应对的人（第09课），但决定并不取决于他。
# - “过度依赖就是依赖一个联系人。”本课中它指的是拿地图代替客户关系工作；单线联系是另一个问题。
#
# **讨论题。** 丢单或停滞的项目：常见回答有“我只认识IT经理”“最后是老板的老板定的”“来了个新总监”。在白板上把每个故事归到单线联系或三个陷阱之一。
#
# **学员进度快时：** 问顾宁怎样在不绕开谢晓东的前提下接触到汤志诚（路径问题留到第08课）。**进度慢时：** 练习2全班一起口头完成；绘图步骤可留给练习册01。
#
# **内容来源。** 单线联系的表现：种子003课程背景（在客户基层人员里“打转转”、将客户看成一个整体、把精力花在最好接触的角色上）。三种代价：种子002（资源分配不当、信息不畅通、赢单率低）。定义与用途：种子000第一节、种子002、种子004。绘制流程：种子000第三节、种子002的四个步骤、种子004第三节，信息收集方法来自种子001第三节；合并成七步是我们的整理。三个陷阱：种子000第六节（信息不对称、动态变化、过度依赖）；表中的应对办法是我们补充的。云帆超市的例子和陷阱情境是我们虚构的。

# %% [markdown] lang="en"
# # 02 · Roles and frameworks
#
# **Time:** 25 minutes teaching + 20 minutes exercises
#
# **Questions**
# - Which buying roles do people play in a customer's decision?
# - Why does every sales method list different roles, and how do the lists fit together?
# - How do I spot a role when the business card says something else?
#
# **Objectives:** after this module you can
# - name the eight roles with their Chinese terms and say what each does;
# - translate between frameworks: four roles, five roles, the CRM power map, the decision chain;
# - explain why a blocker is a stance and a coach a flag, not roles;
# - read roles from what people do, not from their titles.

# %% [markdown] lang="zh"
# # 02 · 角色与角色框架
#
# **时间：** 讲授25分钟 + 练习20分钟
#
# **本课回答的问题**
# - 在客户的采购决定里，人们扮演哪些角色？
# - 为什么每套销售方法列出的角色都不一样？它们之间怎么对应？
# - 名片上的头衔和实际角色不一致时，怎么识别？
#
# **学完本课，你能够**
# - 说出八种角色的中英文名称和各自的作用；
# - 在不同框架之间换算：四角色、五角色、CRM权力地图、决策链；
# - 解释为什么“反对者”是态度、“教练”是标记，而不是角色；
# - 根据一个人实际做的事而不是头衔来判断角色。

# %%
import powermap_kit as pk
from powermap_kit import course, examples
from powermap_kit.widgets import Exercise, MapView, RoleQuiz, choose_each

pk.set_language("{{lang}}")
qingshan = pk.load_example("qingshan")

# %% [markdown] lang="en"
# ## Eight roles
#
# Different methods name the people in a buying decision differently; together they give
# eight roles. The **decision approver** (决策审批者) gives the final sign-off; the **decision
# maker** (决策者) chooses; the **evaluator** (决策支持评估者) tests and recommends; the
# **influencer** (影响者) sways those who decide; the **purchasing executor** (采购执行者) runs the
# process and the contract; the **end user** (最终用户) uses what is bought; the **gatekeeper**
# (看门人) controls access and information; the **observer** (观察者) watches the process
# without deciding. One person may hold several roles.

# %% [markdown] lang="zh"
# ## 八种角色
#
# 不同的方法对采购决定中的人有不同叫法，合起来共八种角色。**决策审批者**做最终签批；**决策者**拍板选择；**决策支持评估者**负责测试、评估并提出推荐；**影响者**左右做决定的人；**采购执行者**负责采购流程和合同；**最终用户**使用买来的东西；**看门人**掌控接触渠道和信息流；**观察者**关注流程但不参与决定。一个人可以同时身兼几个角色。

# %%
course.role_table()

# %% [markdown] lang="en"
# ## One map, many frameworks
#
# Each method groups the roles its own way. The classic four-role power map has decision maker,
# influencer, user and purchasing lead; the five-role organisation analysis adds the observer;
# the decision chain splits the deciders into approver, decision maker and evaluator. This
# toolkit keeps the eight roles and shows every framework as a *lens* onto them. The table
# reads column by column: which term of that framework covers each of our roles.

# %% [markdown] lang="zh"
# ## 一张地图，多种框架
#
# 每种方法的分组方式不同。经典的四角色权力架构图包括关键决策者、影响者、用户和采购负责人；五角色的客户组织角色分析多了观察者；决策链则把做决定的人细分为决策审批者、决策者和决策支持评估者。本工具保留八种角色，把每种框架都当作观察它们的一个“视角”。表格按列看：该框架的哪个叫法覆盖了我们的哪个角色。

# %%
course.framework_table(["four_role", "five_role_org", "decision_chain"])

# %% [markdown] lang="en"
# Two things some frameworks list are not roles at all. A **blocker** (反对者) is someone who
# opposes us: that is a *stance*, and a person in any role can take it (module 05). A **coach**
# (教练) is an insider who guides us: a *flag* any person can carry (module 06).
#
# ## The same people through another lens
#
# Here is Qingshan again. Switch the **lens** in the drop-down and watch the role labels change
# while the people stay the same; click a person for details. The table gives the
# decision-chain view in words.

# %% [markdown] lang="zh"
# 有些框架列出的两项其实根本不是角色。**反对者**是反对我们的人：这是一种*态度*，任何角色的人都可能持这种态度（第05课）。**教练**是在客户内部给我们指点的人：这是一个*标记*，任何人都可能带上它（第06课）。
#
# ## 换个视角看同一批人
#
# 再看一次青山冷链。在下拉框里切换**视角**，你会看到人没变，角色名称变了；点击某个人可以查看详情。下面的表格用文字列出决策链视角下的叫法。

# %%
MapView(qingshan, lens="four_role", height="420px", legend="right")

# %%
course.roles_through(qingshan, "decision_chain")

# %% [markdown] lang="en"
# ## Titles mislead
#
# Roles are read from what people *do*, not from their business cards. **Hengtai
# Pharmaceutical** is choosing a laboratory information system (LIMS). Our account manager
# noted this at the kick-off meeting and in the weeks after:
#
# - **Yuan Ming**, deputy general manager, opened the meeting: “Quality chooses the solution.
#   Any contract above two million crosses my desk.” Then he left.
# - **Cao Min**, quality manager: “We will pick one of the two shortlisted systems by the end of
#   March and send it up.”
# - **Ouyang Nan**, head of the QC laboratory: her team will trial both systems for two weeks
#   and score them; after go-live her lab will work in the system every day.
# - **Fang Zhuo**, “project coordinator” on his card, is a GMP consultant hired from outside. He
#   neither scores nor signs, yet Cao Min asks his view first at every meeting.
# - **Deng Xiaomei**, “administrative assistant”, keeps Yuan Ming's calendar; no paper reaches
#   him except through her.
# - **Bai Lu**, buyer: sends the requests for quotation, runs the price talks, drafts the contract.
# - **Ren Tao**, internal auditor, sat in “to check the process is compliant” and said he takes
#   no part in the choice.

# %% [markdown] lang="zh"
# ## 头衔会误导人
#
# 角色要看一个人实际*做*什么，而不是名片上写什么。**恒泰制药**正在选一套实验室信息管理系统（LIMS）。我方客户经理在启动会上和之后几周记下了这些：
#
# - **袁明**，副总经理，在会上开场：“方案由质量部定。两百万以上的合同要我签字。”说完就离场了。
# - **曹敏**，质量部经理：“三月底前我们在两家入围方案里选定一家，报上去。”
# - **欧阳楠**，化验室主任：她的团队要对两套系统各试用两周并打分；系统上线后，她的化验室每天都要在上面工作。
# - **方卓**，名片上写着“项目协调员”，其实是外聘的GMP顾问。他既不打分也不签字，但每次开会曹经理都先听他的意见。
# - **邓小梅**，“行政助理”，管着袁总的日程；任何材料都要经她的手才能送到袁总面前。
# - **白露**，采购专员：发询价函、组织价格谈判、起草合同。
# - **任涛**，审计专员，列席会议“检查流程是否合规”，并表示自己不参与选择。

# %% [markdown] lang="en"
# ## Exercise 1 (12 minutes): roles at Hengtai
#
# For each person, toggle every role you think they hold, then press **Check**; several may
# apply. The feedback explains the role from what the person does. Use the arrows to move
# between people.

# %% [markdown] lang="zh"
# ## 练习1（12分钟）：恒泰制药的角色
#
# 为每个人选出你认为此人承担的所有角色（可以多选），然后点**检查**。反馈会根据此人做的事来解释角色。用箭头切换到下一个人。

# %%
role_quiz = RoleQuiz(pk.load_example("hengtai"), path=pk.work_path("{learner}_answers.jsonl"))
course.with_fallback(role_quiz, course.worksheet(role_quiz.questions))

# %% [markdown] lang="en"
# ## Exercise 2 (8 minutes): file our roles in a CRM
#
# Many CRM systems draw a power map with five labels: **decision maker** (has the final say),
# **influencer** (has real weight in the decision, such as a technical expert or the finance
# head), **end user**, **gatekeeper** (controls the flow of information, such as an assistant)
# and **blocker** (may take a negative view of the project). Your company's CRM uses them. For
# each of our eight roles choose the CRM label you would file it under, or “no label”, then
# press **Check**. The table above does not have this framework: reason it out.

# %% [markdown] lang="zh"
# ## 练习2（8分钟）：在CRM里归类我们的角色
#
# 很多CRM系统的权力地图只有五个标签：**决策者**（拥有最终拍板权）、**影响者**（对决定有重要影响，如技术专家、财务负责人）、**最终用户**、**看门人**（控制信息流动，如行政助理）和**反对者**（可能对项目持否定态度）。你们公司的CRM就用这五个标签。请为我们的八种角色各选一个应归入的CRM标签，没有对应的选“无对应标签”，然后点**检查**。上面的表格里没有这个框架，需要你自己推理。

# %%
Exercise("02.crm_filing", lambda answer: examples.check_framework_filing("crm_power_map", answer),
         choose_each("role", examples.filing_options("crm_power_map")))

# %% [markdown] lang="en"
# ## Discuss
#
# Which framework does your company's CRM use? Where does it put the blocker and the coach?
# Think of a customer where a title misled you: what did the person actually *do* that showed
# their real role?
#
# ## Key points
#
# - Eight roles cover every framework: approver, decision maker, evaluator, influencer,
#   purchasing executor, end user, gatekeeper, observer; one person may hold several.
# - Frameworks are lenses onto the same people; translate, do not argue about names.
# - A blocker is a stance and a coach is a flag, not roles.
# - Read roles from behaviour, never from titles alone.
#
# More practice: [workbook 02](../../exercises/{{lang}}/02_roles_and_frameworks_exercises.ipynb)
#
# ---
# [← Previous: 01 Why power maps](01_why_power_maps.ipynb) · [Next: 03 Buying stages →](03_buying_stages.ipynb)

# %% [markdown] lang="zh"
# ## 讨论
#
# 你们公司的CRM用的是哪种框架？它把反对者和教练放在哪里？想一个曾被头衔误导的客户：那个人实际*做*了什么，暴露了他真正的角色？
#
# ## 要点
#
# - 八种角色覆盖所有框架：决策审批者、决策者、决策支持评估者、影响者、采购执行者、最终用户、看门人、观察者；一个人可以身兼数职。
# - 各种框架只是看同一批人的不同视角；要会换算，不必争论叫法。
# - 反对者是态度，教练是标记，都不是角色。
# - 看行为判断角色，不能只看头衔。
#
# 更多练习：[练习册02](../../exercises/{{lang}}/02_roles_and_frameworks_exercises.ipynb)
#
# ---
# [← 上一课：01 为什么要画权力地图](01_why_power_maps.ipynb) · [下一课：03 客户采购的五个阶段 →](03_buying_stages.ipynb)

# %% [markdown] lang="en" tags=["trainer"]
# ## Facilitator notes: 02 Roles and frameworks
#
# **Timing (45 min).** Eight roles 7 min · frameworks and the lens 8 min · Qingshan through a
# lens 4 min · Hengtai notes 6 min · exercise 1: 12 min plus 3 min debrief · exercise 2: 8 min
# including debrief · discussion if time allows.
#
# **Key message.** Roles come from behaviour; frameworks are only different names for them.
#
# **Exercise 1, expected answers.** Yuan Ming: approver (signs, does not choose). Cao Min:
# decision maker (picks one of the two). Ouyang Nan: evaluator and end user (trial and scoring,
# daily use). Fang Zhuo: influencer (no score, no signature, but his view comes first).
# Deng Xiaomei: gatekeeper. Bai Lu: purchasing executor. Ren Tao: observer.
#
# **Exercise 2, expected answers.** Approver and decision maker → decision maker; evaluator,
# influencer and purchasing executor → influencer; end user → end user; gatekeeper →
# gatekeeper; observer → no label. Blocker is never a home for a role: it is a stance. The
# purchasing executor under “influencer” is the CRM's choice, not a law: accept a reasoned
# argument and say the check follows our mapping.
#
# **Common misconceptions and how to address them.**
# - "The most senior person is the decision maker." Yuan Ming signs but does not choose; in
#   module 04 this distinction decides deals.
# - "An external consultant is not on the map." Fang Zhuo shapes the decision more than most
#   employees: anyone who sways the decision belongs on the map.
# - "Ouyang Nan can only have one role." Several roles are normal; the lab head who scores the
#   trial and will use the system is both evaluator and user.
# - "The blocker is a role." It is a stance: Fang Zhuo is an influencer who happens to doubt us.
#
# **Discussion prompt.** CRM frameworks: expect Salesforce contact roles or a home-grown list;
# ask where they record opposition and insiders. Misleading titles: expect assistants with
# real power, "advisers" who decide, directors who only sign.
#
# **If the room is ahead:** workbook 02 (Miller Heiman and HubSpot). **If behind:** do the first
# three Hengtai people together and leave the rest for the workbook.
#
# **Sources.** Four roles: seed 000 §1 (关键决策者, 影响者, 用户, 采购负责人). Five roles: seed 001
# §2 (adds 观察者). CRM power map: seed 002 (决策者, 影响者, 最终用户, 看门人, 反对者). Decision
# chain: seed 003 unit 3 (决策审批者, 决策者, 决策支持评估者, 决策影响者, 采购执行者). Coach: seed
# 003 unit 1. The eight-role synthesis, treating the blocker as a stance and the coach as a flag,
# and the CRM mapping are ours; Miller Heiman and HubSpot (workbook) are our additions. The
# Hengtai and Qingshan examples are ours (invented).

# %% [markdown] lang="zh" tags=["trainer"]
# ## 讲师备注：02 角色与角色框架
#
# **时间安排（45分钟）。** 八种角色7分钟 · 框架与视角8分钟 · 用不同视角看青山冷链4分钟 · 阅读恒泰制药的记录6分钟 · 练习1：12分钟，讲评3分钟 · 练习2：含讲评8分钟 · 有时间再讨论。
#
# **核心信息。** 角色来自行为；各种框架只是对角色的不同叫法。
#
# **练习1参考答案。** 袁明：决策审批者（签字但不挑方案）。曹敏：决策者（二选一）。欧阳楠：决策支持评估者兼最终用户（试用打分、日常使用）。方卓：影响者（不打分不签字，但他的意见最先被听取）。邓小梅：看门人。白露：采购执行者。任涛：观察者。
#
# **练习2参考答案。** 决策审批者和决策者归入“决策者”；决策支持评估者、影响者和采购执行者归入“影响者”；最终用户归入“最终用户”；看门人归入“看门人”；观察者无对应标签。“反对者”不能作为任何角色的归类：它是态度。采购执行者归入“影响者”是这套CRM的做法，不是铁律：学员说得有理可以接受，并说明检查按我们的对应关系来判。
#
# **常见误区及应对。**
# - “职位最高的人就是决策者。”袁明签字但不选方案；第04课会讲到，这个区别常常决定输赢。
# - “外部顾问不用画进地图。”方卓对决定的影响比大多数员工都大：凡是能左右决定的人都要上图。
# - “欧阳楠只能有一个角色。”一人多角很常见：既给试用打分、又要天天使用系统的化验室主任，既是评估者也是用户。
# - “反对者是一种角色。”它是态度：方卓是一个恰好对我们有疑虑的影响者。
#
# **讨论题。** CRM框架：常见的是Salesforce的联系人角色或公司自定义的列表；追问他们在哪里记录反对意见和内线。被头衔误导：常见的有手握实权的助理、实际拍板的“顾问”、只负责签字的总监。
#
# **学员进度快时：** 做练习册02（Miller Heiman和HubSpot）。**进度慢时：** 恒泰的前三个人全班一起做，其余留给练习册。
#
# **内容来源。** 四角色：种子000第一节（关键决策者、影响者、用户、采购负责人）。五角色：种子001第二节（增加观察者）。CRM权力地图：种子002（决策者、影响者、最终用户、看门人、反对者）。决策链：种子003第三单元（决策审批者、决策者、决策支持评估者、决策影响者、采购执行者）。教练：种子003第一单元。八角色的整合、把反对者视为态度、把教练视为标记，以及CRM对应关系，都是我们的整理；Miller Heiman和HubSpot（练习册）是我们补充的。恒泰制药和青山冷链的例子是我们虚构的。

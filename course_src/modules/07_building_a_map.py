# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown] lang="en"
# # 07 · Building a map (绘制权力地图)
#
# **Time:** 20 minutes teaching + 30 minutes exercises
#
# **Questions**
# - How do I get from scattered facts to a power map?
# - Where does each fact come from, and how far can I trust it?
# - What goes on the map, and what do I do with what I don't know?
#
# **Objectives:** after this module you can
# - walk through the seven building steps;
# - say which channel or method a fact came from, and weigh it accordingly;
# - build a map in the map builder: people, roles, power, stance, evidence and relationships;
# - leave what you do not know as *unknown* instead of guessing.

# %% [markdown] lang="zh"
# # 07 · 绘制权力地图
#
# **时长：** 讲解 20 分钟 + 练习 30 分钟
#
# **本课回答的问题**
# - 怎样从零散的信息走到一张权力地图？
# - 每条信息从哪里来？可信度有多高？
# - 地图上要画什么？不知道的东西怎么处理？
#
# **学完本课，你能够**
# - 按七个步骤绘制权力地图；
# - 说出一条信息来自哪个渠道或方法，并据此判断它的分量；
# - 在地图编辑器里画出一张地图：人员、角色、权力、态度、证据和关系；
# - 不知道的就标为“未知”，而不是去猜。

# %%
import powermap_kit as pk
from powermap_kit import course, work_path
from powermap_kit.course import worked
from powermap_kit.widgets import Exercise, MapBuilder, choose, choose_each, text_fields

pk.set_language("{{lang}}")

# %% [markdown] lang="en" tags=["trainer"]
# ## Facilitator notes: module 07 at a glance
#
# **Timing (50 min):** seven steps 4 · where facts come from 5 · exercise 1 (sources) 6 · what goes on a map 5 · reading the Lanting notes 5 · exercise 2 (building the map) 20 · stage and mode 3 · discuss 2.
#
# **Key message:** a map is a record of evidence: every rating has a reason, and what we do not know stays visibly unknown.
#
# **Sources:** the building steps merge seed 000 §3 (信息收集、角色识别、关系分析、图示化), seed 004 §3 (starts with 确定目标, ends with 分析与优化) and seed 002 (定期更新). The three channels (公开信息、内部数据、直接沟通) and "verify through several channels" are seed 002; the methods (访谈法、问卷调查、观察法、数据分析) are seed 001. Information asymmetry is seed 000 §6. Lanting Food is our own scenario (not the education case), with a top-down decision mode and an early stage on purpose.
#
# **Room behind:** build only the six people and their roles and stance; draw the lines in the workbook. **Room ahead:** ask each pair to write the two ratings they would verify first and through which channel, and compare.

# %% [markdown] lang="zh" tags=["trainer"]
# ## 讲师备注：第07课概览
#
# **时间安排（50分钟）：** 七个步骤 4 · 信息从哪里来 5 · 练习一（来源）6 · 地图上画什么 5 · 阅读兰亭食品的记录 5 · 练习二（画地图）20 · 阶段与决策方式 3 · 讨论 2。
#
# **核心信息：** 地图是证据的记录：每项评估都有理由，不知道的就明明白白地标成“未知”。
#
# **出处：** 七个步骤综合了种子000第三节（信息收集、角色识别、关系分析、图示化）、种子004第三节（从“确定目标”开始，到“分析与优化”结束）和种子002（定期更新）。三个渠道（公开信息、内部数据、直接沟通）和“多渠道验证”出自种子002；四种方法（访谈法、问卷调查、观察法、数据分析）出自种子001。“信息不对称”出自种子000第六节。兰亭食品是我们自编的场景（不是教育案例），特意设定为“高层确定，团队执行”的决策方式和较早的采购阶段。
#
# **进度慢：** 只画六个人及其角色和态度，关系线留到练习册。**进度快：** 请每组写出最先要核实的两项评估和核实渠道，然后互相比较。

# %% [markdown] lang="en"
# ## Seven steps
#
# 1. **Define the goal** (确定目标): which opportunity, which decision, what the map is for.
# 2. **Gather information** (收集信息): public sources, your CRM's history, direct contact.
# 3. **Identify roles** (识别角色): who decides, approves, evaluates, influences, buys, uses, guards the door.
# 4. **Analyse relationships** (分析关系): reporting lines, influence, alliances, conflicts.
# 5. **Draw the map** (绘制地图): boxes for people, arrows for relationships; mark power, stance and what is unknown.
# 6. **Analyse and plan** (分析与规划): modules 08 and 09.
# 7. **Keep it updated** (定期更新): people move; module 12.
#
# The steps loop: the analysis finds gaps, and every gap sends you back to step 2.

# %% [markdown] lang="zh"
# ## 七个步骤
#
# 1. **确定目标**：针对哪个商机、哪项决策，画图要解决什么问题。
# 2. **收集信息**：公开信息、CRM里的历史记录、直接沟通。
# 3. **识别角色**：谁决策、谁审批、谁评估、谁施加影响、谁执行采购、谁使用、谁把门。
# 4. **分析关系**：汇报关系、影响关系、同盟、冲突。
# 5. **绘制地图**：方框代表人，箭头代表关系；标出权力、态度，以及哪些还不知道。
# 6. **分析与规划**：第08课和第09课。
# 7. **定期更新**：人员会变动；见第12课。
#
# 这些步骤是循环的：分析会发现缺口，每个缺口都把你带回第2步。

# %% [markdown] lang="en"
# ## Step 2: where facts come from
#
# Three **channels**: **public information** (公开信息: website, annual report, tender notices), **internal data** (内部数据: your CRM's history) and **direct contact** (直接沟通: visits, calls, meetings). Four **methods** for learning about the customer's people: **interview** (访谈法), **questionnaire** (问卷调查), **observation** (观察法) and **data analysis** (数据分析).
#
# Weigh each fact by where it came from. A title on a website can mislead; what people do in a meeting often says more than what they claim. Anything important: check it through a second channel.

# %% [markdown] lang="zh"
# ## 第2步：信息从哪里来
#
# 三个**渠道**：**公开信息**（官网、年报、招标公告）、**内部数据**（我们CRM里的历史记录）和**直接沟通**（拜访、电话、会议）。了解客户人员的四种**方法**：**访谈法**、**问卷调查**、**观察法**和**数据分析**。
#
# 根据来源掂量每条信息的分量。官网上的职务可能误导人；人们在会上怎么做，往往比他们怎么说更说明问题。重要的信息，一定要用第二个渠道核实。

# %% [markdown] lang="en"
# ### Exercise 1 (6 minutes): which source?
#
# Six facts about Lanting Food, the customer you will map below. Choose the channel or method each came from.

# %% [markdown] lang="zh"
# ### 练习一（6分钟）：信息来自哪里？
#
# 下面是关于兰亭食品的六条信息，稍后你要为这家客户画地图。为每条信息选择它来自哪个渠道或方法。

# %%
Exercise("07.sources", worked.check_fact_sources, choose_each(worked.fact_items(), worked.source_options()))

# %% [markdown] lang="en"
# ## Steps 3–5: what goes on the map
#
# | on the map | holds | module |
# |---|---|---|
# | roles | buying roles, one or several: decision maker, approver, evaluator … | 02, 04 |
# | power | 1 (minimal) to 5 (final say) | 05 |
# | stance | unknown, opposes, neutral, supports, champions | 05 |
# | coach | our insider (教练), once verified | 06 |
# | needs | what they want for the organisation and for themselves | 09 |
# | evidence | why you believe each rating: what was seen or said, and where | here |
#
# Lines between people: **reports to** (the formal line), **influences** (who sways whom), **ally** and **conflict**. A value you do not know stays empty or *unknown*: the analysis reports it as a gap instead of passing a guess off as a fact.

# %% [markdown] lang="zh"
# ## 第3–5步：地图上画什么
#
# | 地图上的项 | 内容 | 对应课程 |
# |---|---|---|
# | 角色 | 采购角色，可以有多个：决策者、审批者、评估者…… | 02、04 |
# | 权力 | 1（很小）到 5（最终拍板） | 05 |
# | 态度 | 未知、反对、中立、支持、力挺 | 05 |
# | 教练 | 我们的内部指点人，须经验证 | 06 |
# | 需求 | 他为组织、为自己想要什么 | 09 |
# | 证据 | 每项评估的依据：看到或听到了什么，在哪里 | 本课 |
#
# 人与人之间的关系线：**汇报**（正式的上下级）、**影响**（谁能左右谁）、**同盟**和**冲突**。不知道的值就留空或标为“未知”：分析时它会显示为缺口，而不是把猜测当成事实。

# %% [markdown] lang="en"
# ## Lanting Food: the notes
#
# Read the notes, then build the map below.
#
# 1. **Lanting Food** (兰亭食品), a Hangzhou maker of frozen dumplings, wants a cold-chain warehouse management system, about CNY 1.8 million. Yunlian (云链), which supplied today's system, is competing.
# 2. **General Manager Guo Jianhua** (郭建华) signs every purchase above CNY 1 million. The last two systems, the ERP in 2021 and the packing line in 2023, he chose himself after visiting peer companies, and the team carried them out. Nobody on our side has met him. His assistant, **Luo Xiaobei** (罗小北), keeps his diary, is friendly to us and passed our brochure on to him.
# 3. **Supply Chain Director Su Qing** (苏晴) reports to Guo and leads the project: she will compare the vendors and give Guo her view. She is writing the project application for the board meeting and asked us, and Yunlian, for the same ROI template. We have met her twice; her words: "we will compare fairly".
# 4. **Warehouse Manager Han Li** (韩立) reports to Su Qing; his team will use the system. Our two-week trial saved his night shift two hours, and he argued for us in the project meeting. Su Qing listens to him.
# 5. **IT Manager Deng Lei** (邓磊) reports to Guo and has his ear on anything IT. He built today's system with Yunlian and told Su Qing that we "do not fit our ERP". He and Han Li have clashed for months over who owns the warehouse data.
# 6. **Procurement Manager Fang Yuan** (方媛) reports to Su Qing and will run the purchase. So far she has only emailed us a supplier-registration form.

# %% [markdown] lang="zh"
# ## 兰亭食品：情况记录
#
# 读完记录，再在下面画出地图。
#
# 1. **兰亭食品**是杭州一家速冻水饺生产企业，准备上一套冷链仓储管理系统，金额约180万元。现有系统的供应商云链也在竞争。
# 2. **总经理郭建华**负责签批100万元以上的所有采购。前两套系统（2021年的ERP和2023年的包装线）都是他参观同行企业后亲自选定、团队照办的。我方还没有人见过他。他的助理**罗小北**管着他的日程，对我们很友好，帮我们把资料转给了他。
# 3. **供应链总监苏晴**向郭总汇报，负责这个项目：她会比较各家供应商，再向郭总提出意见。她正在为董事会写立项申请，向我们和云链要了同样的投入产出测算模板。我们见过她两次，她的原话是：“我们会公平比较。”
# 4. **仓储经理韩立**向苏晴汇报，他的团队将使用这套系统。我们两周的试用让他的夜班每天省了两个小时，他在项目会上替我们说了话。苏晴很听他的意见。
# 5. **信息部经理邓磊**向郭总汇报，凡是信息化的事，郭总都听他的。现有系统是他和云链一起上的，他对苏晴说我们“和ERP对不上”。几个月来，他和韩立一直在为仓库数据归谁管而争执。
# 6. **采购经理方媛**向苏晴汇报，将负责执行采购。到目前为止，她只通过邮件发来过一份供应商登记表。

# %% [markdown] lang="en"
# ### Exercise 2 (20 minutes): map Lanting Food
#
# Build the map in the builder: click **Person** to add each of the six people with title, roles, power, stance and one line of evidence; add the lines in **Relationships**. Leave what the notes do not tell you as *unknown*. Every edit is saved in your work folder, so a closed tab loses nothing.
#
# When you are done, write below the map which rating you would verify first and through which source, and press **Check**: the feedback names the people and the things to reread, never the answer.

# %% [markdown] lang="zh"
# ### 练习二（20分钟）：画出兰亭食品的权力地图
#
# 在地图编辑器里画图：在**人员**页签逐个添加六个人，填写职务、角色、权力、态度和一句证据；在**关系**页签添加关系线。记录里没有说明的，就标为“未知”。每次编辑都会自动保存到你的工作文件夹，关掉页面也不会丢。
#
# 画完后，在地图下方写一句：你最先要核实哪一项评估、通过什么来源核实，然后点**检查**。反馈会指出需要重读的人和内容，但不会直接给出答案。

# %%
builder = MapBuilder(worked.example_blank("07_lanting_food"), path=work_path("example-lanting/{learner}.json"))
course.with_fallback(builder, course.map_picture(builder.map))

# %%
Exercise("07.map", lambda note: worked.check_example_map(builder.map, "07_lanting_food", note),
         text_fields(worked.labels("map.note", ["verify"])))

# %% [markdown] lang="en" tags=["trainer"]
# **Exercise 2, what to look for.** Guo Jianhua: approver and decision maker (he chose the last two systems himself), power 5, stance *unknown* (nobody has met him). Su Qing: evaluator and influencer, power 4, *neutral* (met twice, even-handed). Han Li: user and influencer, power 2, *champion*. Deng Lei: evaluator, power 3, *opposes*, backs Yunlian. Fang Yuan: purchaser, power 2, *unknown* (a form by email is not a signal). Luo Xiaobei: gatekeeper, power 1, *supports*. Lines: Su Qing, Deng Lei and Luo Xiaobei report to Guo; Han Li and Fang Yuan report to Su Qing; Deng Lei influences Guo; Han Li influences Su Qing; Deng Lei and Han Li in conflict.
#
# **Misconceptions:** Guo rated *neutral* ("no problem with us"): no contact, no signal, so *unknown*. Su Qing as the decision maker: she recommends, Guo decides (top-down). Luo Xiaobei rated high power because she is close to the GM: access is not power.
#
# **Discussion:** what would you verify first? Good answers: Guo's stance, through a first meeting arranged via Su Qing or a peer he visited; Fang Yuan's stance, with a call about the registration form.

# %% [markdown] lang="zh" tags=["trainer"]
# **练习二，看什么。** 郭建华：审批者兼决策者（前两套系统是他亲自定的），权力5，态度“未知”（没人见过他）。苏晴：评估者兼影响者，权力4，“中立”（见过两次，一视同仁）。韩立：用户兼影响者，权力2，“力挺”。邓磊：评估者，权力3，“反对”，支持云链。方媛：采购执行者，权力2，“未知”（邮件发来一张表不算信号）。罗小北：看门人，权力1，“支持”。关系：苏晴、邓磊、罗小北向郭总汇报；韩立、方媛向苏晴汇报；邓磊影响郭总；韩立影响苏晴；邓磊与韩立冲突。
#
# **常见误区：** 把郭总评为“中立”（“对我们没意见”）：没有接触、没有信号，就是“未知”。把苏晴当作决策者：她提意见，郭总拍板（高层确定，团队执行）。因为罗小北离总经理近，就给她很高的权力：接近权力不等于拥有权力。
#
# **讨论：** 最先核实什么？好的回答：郭总的态度，通过苏晴或他参观过的同行安排第一次见面；方媛的态度，借登记表的事打个电话。

# %% [markdown] lang="en"
# The buying stage and the decision mode belong to the opportunity, not to a person. Choose them from the notes (modules 03 and 04).

# %% [markdown] lang="zh"
# 采购阶段和决策方式属于商机，不属于某个人。根据记录选择它们（见第03、04课）。

# %%
Exercise("07.stage", lambda a: worked.check_example_choice("07_lanting_food", "stage", a), choose("stage"))

# %%
Exercise("07.mode", lambda a: worked.check_example_choice("07_lanting_food", "decision_mode", a), choose("decision_mode"))

# %% [markdown] lang="en"
# ## Discuss
#
# Compare maps with your neighbour. Where do you differ, and which sentence of the notes would settle it? Which of your ratings rests on one person's word alone, and how would you check it through a second channel?
#
# ## Key points
#
# - Build in seven steps, from the goal to keeping the map up to date; the analysis sends you back to gathering.
# - Facts come through public information, internal data and direct contact, by interview, questionnaire, observation and data analysis: weigh each by its source and confirm it through a second channel.
# - For each person record roles, power, stance and needs, with the evidence behind every rating; draw reporting, influence, alliance and conflict lines.
# - What you do not know stays *unknown*: a gap to close, never a guess.
# - The map builder saves every edit to your work folder.
#
# More practice: [07 workbook](../../exercises/{{lang}}/07_building_a_map_exercises.ipynb)
#
# ---
# [Previous: 06 Intelligence and the coach](06_intelligence_and_coach.ipynb) · [Next: 08 Analysing a map](08_analysing_a_map.ipynb)

# %% [markdown] lang="zh"
# ## 讨论
#
# 和旁边的同学比一比地图。哪里不一样？记录里的哪一句话能说清楚？你的哪项评估只凭一个人的一句话？你会怎样通过第二个渠道核实？
#
# ## 要点
#
# - 按七个步骤画图，从确定目标到定期更新；分析会把你带回收集信息这一步。
# - 信息来自公开信息、内部数据和直接沟通，方法有访谈、问卷、观察和数据分析：按来源掂量分量，并用第二个渠道核实。
# - 为每个人记录角色、权力、态度和需求，每项评估都要有证据；画出汇报、影响、同盟和冲突关系。
# - 不知道的就是“未知”：是要补上的缺口，绝不是猜测。
# - 地图编辑器会把每次编辑保存到你的工作文件夹。
#
# 更多练习：[07 练习册](../../exercises/{{lang}}/07_building_a_map_exercises.ipynb)
#
# ---
# [上一课：06 情报系统与教练](06_intelligence_and_coach.ipynb) · [下一课：08 分析权力地图](08_analysing_a_map.ipynb)

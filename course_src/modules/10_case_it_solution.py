# %% [markdown] lang="en"
# # 10 · Case: IT solution at Jiangyue Precision
#
# **Time:** 10 minutes introduction + 75 minutes building and planning + 30 minutes debrief
#
# **Questions**
# - Who really decides a large MES and cloud-ERP project in a private manufacturing group?
# - Which signals can you trust, and which mislead?
# - Where should the next four weeks go?
#
# **Objectives:** after this case you can
# - build a complete power map from a pack of documents, with evidence for every rating;
# - tell the friendliest contact from the person who decides, and check a coach's tips;
# - read the buying stage and the decision mode from the customer's own rules;
# - choose the three people to reach first, and defend the choice in the debrief.

# %% [markdown] lang="zh"
# # 10 · 案例：江岳精工的IT解决方案
#
# **时间：** 导入10分钟＋画图与规划75分钟＋复盘30分钟
#
# **本案例回答的问题**
# - 一家民营制造集团上MES和云ERP，到底是谁说了算？
# - 哪些信号可信，哪些会把你带偏？
# - 接下来四周的时间该花在谁身上？
#
# **学完本案例，你能够**
# - 从一套情报资料画出完整的权力地图，每一项判断都有出处；
# - 分清“最热情的对接人”和“真正拍板的人”，并验证教练给的消息；
# - 从客户自己的规章里读出采购阶段和决策模式；
# - 选出最先要接触的三个人，并在复盘时说清理由。

# %% [markdown] lang="en" tags=["trainer"]
# ## Module 10 · facilitator notes
#
# **Sources:** the IT-solution story of seed 000 §5.1 (technical lead decides, procurement
# influences), seed 001 case 1 (IT director decides, users' feedback counts), seed 004 §6
# (the org chart comes only through repeated contact), seed 003 units 1 and 3 (coach
# verification, decision modes), seed 002 (team maps).
#
# **Timing (115 min):** introduction 10 · reading the brief and the ten documents 35 ·
# building the map 30 · stage, mode and the first three 10 · submit, then debrief 30.
# The brief and the pack are about 3,700 words (about 5,000 Chinese characters): 20–25
# minutes of plain reading at 150–200 words (300–400 characters) a minute, 35 with notes.
# Pairs may split the documents (01–05 and 06–10) and brief each other.
#
# **Key message:** the friendliest contact is rarely the decider; the written rules of the
# customer say who recommends and who approves; a coach is a source to verify.
#
# **Common misconceptions:** making the most talkative contact the decision maker (ask:
# "which document shows him deciding anything?"); leaving out people who never met us
# (ask: "who signed off last time, doc 02?"); rating everyone without contact as neutral
# (the rubric: no contact and no evidence is *unknown*).
#
# **Room ahead:** have them write the first visit plan for their first priority (module 09's
# criteria). **Room behind:** stop building at the planned time; an unfinished map with
# evidence teaches more than a finished guess. Ask them to submit what they have.
#
# **Debrief:** only after everyone has submitted (the debrief cell stays locked until then).
# Show the room's dashboard (module 13) first, the expert map last.

# %% [markdown] lang="zh" tags=["trainer"]
# ## 模块10 · 讲师备注
#
# **出处：** 种子000 §5.1的IT解决方案故事（技术负责人决策，采购施加影响）；种子001案例1（IT总监决策，业务用户的反馈很重要）；种子004 §6（组织架构图要靠反复接触才拿得到）；种子003第一、三单元（教练的验证、决策模式）；种子002（团队共享地图）。
#
# **时间安排（115分钟）：** 导入10分钟 · 阅读简报和十份资料35分钟 · 画图30分钟 · 阶段、决策模式和首选三人10分钟 · 提交后复盘30分钟。简报加资料约五千字，按每分钟300–400字的速度单纯阅读要20–25分钟，边读边记笔记需要35分钟。可以两人一组分读资料（01–05和06–10），再互相讲述。
#
# **核心信息：** 最热情的对接人很少是拍板的人；客户自己的规章写明了谁推荐、谁审批；教练是需要验证的信息来源，不是神谕。
#
# **常见误区：** 把最健谈的对接人当成决策者（追问：“哪份资料显示他拍过板？”）；漏掉从没见过我们的人（追问：“上次是谁签的字？看资料02”）；把没有接触过的人一律标成中立（评分规则：没有接触、没有证据，就是“未知”）。
#
# **进度快：** 让大家按模块09的标准，为第一优先人选写一份拜访计划。**进度慢：** 到点就停，有证据的半张图比靠猜的整张图更有教学价值，请学员先提交手上的版本。
#
# **复盘：** 全员提交之后再开始（复盘单元格在提交前是锁定的）。先投屏全班的看板（模块13），最后再展示专家地图。

# %%
import powermap_kit as pk
from powermap_kit import course, load_case, work_path
from powermap_kit.widgets import Exercise, MapBuilder, ScoreCard, SubmitButton, choose, text_fields

pk.set_language("{{lang}}")
case = load_case("it-solution")

# %% [markdown] lang="en"
# ## The situation
#
# A private gearbox group wants one platform for production scheduling and a cloud move of
# its ERP. Our account manager's CRM entry is one view of the deal; your sales director
# wants a map built from the evidence. You have the brief and a pack of ten documents:
# CRM notes, a review of an earlier decision, rules, an org chart, notes from meetings,
# e-mails and news. Not all of them matter, and not everything people say is true.
#
# This is the situation analysis (局势分析) the course has been building towards: judge the
# situation before you act, from bit player to director.
#
# **Plan your time:** 35 minutes reading, 30 for the map, 10 for the plan, then submit.

# %% [markdown] lang="zh"
# ## 局势
#
# 一家民营齿轮箱集团要上一套平台，既管生产排产，又要把ERP迁到云上。我方客户经理在CRM里的记录只是对这个商机的一种看法；你的销售总监希望看到一张以证据为依据的地图。你手上有一份简报和十份资料：CRM记录、对客户以往一次决策的复盘、制度文件、组织架构图、会议记录、邮件和新闻。并不是每份资料都重要，也不是每个人说的话都是真的。
#
# 这就是整个课程一直在练的局势分析：先判断局势，再采取行动——从群演走到导演的位置。
#
# **时间分配：** 阅读35分钟，画图30分钟，规划10分钟，然后提交。

# %% [markdown] lang="en" tags=["trainer"]
# **Group-work alternate.** For group work, give some groups the Linjiang District Education
# Bureau case instead: it starts earlier (exploring) and with no coach at all. `make kit` prints
# its learner pack (brief and documents, no key) and the blank map canvas for work on paper;
# its key, debrief and sample submissions are in `case_studies/education-software/` for the
# debrief (`powermap score --key case_studies/education-software/key.json`).
# %% [markdown] lang="zh" tags=["trainer"]
# **分组练习的替代案例。**分组时可以给部分小组改用临江区教育局案例：它处在更早的阶段（探索问题），而且一开始完全没有教练。`make kit` 会打印该案例的学员资料包（简报和资料，不含答案）以及空白地图画布，供小组在纸上完成；答案、复盘和样例提交在 `case_studies/education-software/`，复盘时可用 `powermap score --key case_studies/education-software/key.json` 评分。

# %% [markdown] lang="en"
# ## 1. The brief
#
# Read it here or open it beside this notebook:
# [the brief](../../case_studies/it-solution/brief.en.md).

# %% [markdown] lang="zh"
# ## 1. 案例简报
#
# 可以在这里读，也可以在旁边单独打开：[案例简报](../../case_studies/it-solution/brief.zh.md)。

# %%
case.brief()

# %% [markdown] lang="en"
# ## 2. The intelligence pack
#
# Read the documents in order and, for every rating you make later, note the document and
# the line behind it. Each document also opens on its own:
# [01 CRM log](../../case_studies/it-solution/documents/01_crm_log.en.md) ·
# [02 lost-deal review](../../case_studies/it-solution/documents/02_lost_deal_review.en.md) ·
# [03 tender notice](../../case_studies/it-solution/documents/03_tender_notice.en.md) ·
# [04 org chart](../../case_studies/it-solution/documents/04_org_chart.en.md) ·
# [05 presentation notes](../../case_studies/it-solution/documents/05_presentation_notes.en.md) ·
# [06 e-mail on the migration](../../case_studies/it-solution/documents/06_email_migration.en.md) ·
# [07 coach's notes](../../case_studies/it-solution/documents/07_coach_notes.en.md) ·
# [08 trial notes](../../case_studies/it-solution/documents/08_poc_notes.en.md) ·
# [09 procurement e-mail](../../case_studies/it-solution/documents/09_procurement_email.en.md) ·
# [10 news](../../case_studies/it-solution/documents/10_news.en.md)

# %% [markdown] lang="zh"
# ## 2. 情报资料
#
# 请按顺序阅读。后面每做一项判断，都记下依据的是哪份资料、哪一句话。每份资料也可以单独打开：
# [01 CRM拜访记录](../../case_studies/it-solution/documents/01_crm_log.zh.md) ·
# [02 丢单复盘](../../case_studies/it-solution/documents/02_lost_deal_review.zh.md) ·
# [03 招标公告](../../case_studies/it-solution/documents/03_tender_notice.zh.md) ·
# [04 组织架构图](../../case_studies/it-solution/documents/04_org_chart.zh.md) ·
# [05 方案汇报记录](../../case_studies/it-solution/documents/05_presentation_notes.zh.md) ·
# [06 迁移相关邮件](../../case_studies/it-solution/documents/06_email_migration.zh.md) ·
# [07 教练的笔记](../../case_studies/it-solution/documents/07_coach_notes.zh.md) ·
# [08 现场测试记录](../../case_studies/it-solution/documents/08_poc_notes.zh.md) ·
# [09 采购部邮件](../../case_studies/it-solution/documents/09_procurement_email.zh.md) ·
# [10 新闻](../../case_studies/it-solution/documents/10_news.zh.md)

# %%
course.documents_table(case)

# %%
for document in case.documents:
    display(document)

# %% [markdown] lang="en"
# ## 3. Build your map
#
# Add every person who matters, with roles, power, stance, coach and evidence, and the
# lines between them. A person you have never met and know nothing about is *unknown*, not
# neutral. Your map is saved as you work, in your own work folder.

# %% [markdown] lang="zh"
# ## 3. 画出你的权力地图
#
# 把所有相关的人都加进来：角色、权力、态度、是否教练、证据，以及他们之间的关系线。从没见过、也毫无信息的人，态度是“未知”，不是“中立”。地图会边画边自动保存在你自己的工作文件夹里。

# %%
builder = MapBuilder(case.blank_map(), path=work_path("it-solution/{learner}.json"))
course.with_fallback(builder, course.map_picture(builder.map))

# %% [markdown] lang="en"
# ### The buying stage and the decision mode
#
# Where is the customer in their buying journey (module 03), and how will they decide
# (module 04)? Answer from the customer's own words and rules, not from our CRM.

# %% [markdown] lang="zh"
# ### 采购阶段和决策模式
#
# 客户现在走到了采购旅程的哪一步（模块03）？他们会怎样做决定（模块04）？请依据客户自己的说法和规章作答，而不是我方CRM里的记录。

# %%
Exercise("10.case_stage", lambda stage: course.check_case_stage(case, stage), choose("stage"))

# %%
Exercise("10.case_mode", lambda mode: course.check_case_decision_mode(case, mode), choose("decision_mode"))

# %% [markdown] lang="en"
# ## 4. Check your draft
#
# Check when you have a complete first draft, not after every person. The check tells you
# which area and which documents to revisit; it does not tell you the answer. Fix the map
# in the builder above and check again.

# %% [markdown] lang="zh"
# ## 4. 检查初稿
#
# 等初稿基本完整再检查，不要每加一个人就检查一次。检查结果会告诉你该回头看哪一方面、哪几份资料，但不会直接给出答案。在上面的画图工具里修改后，再检查一次。

# %%
course.check_case_map(builder.map, case)

# %% [markdown] lang="en"
# ## 5. The first three
#
# Name the three people you would spend the next four weeks on. Type their names as they
# appear in the documents. In the debrief, be ready to say for each who on our team
# reaches them, with what, and which information you verify first.

# %% [markdown] lang="zh"
# ## 5. 首选三人
#
# 接下来四周，你会把时间花在哪三个人身上？按资料里的写法填上姓名。复盘时要能说清：每个人由我方谁去接触、带什么去、先核实哪条信息。

# %%
Exercise("10.first_three",
         lambda names: course.check_priorities([n for n in names.values() if n.strip()], case),
         text_fields({"first": dict(en="First", zh="第一位"),
                      "second": dict(en="Second", zh="第二位"),
                      "third": dict(en="Third", zh="第三位")}))

# %% [markdown] lang="en"
# ## 6. Submit your map
#
# Submitting keeps a frozen copy for your trainer and unlocks the debrief below. You can go
# on improving the map and submit again; the latest submission counts.

# %% [markdown] lang="zh"
# ## 6. 提交地图
#
# 提交后，系统会为讲师保存一份定稿，同时解锁下面的复盘。提交后仍可继续修改、再次提交，以最后一次为准。

# %%
SubmitButton(builder)

# %% [markdown] lang="en"
# ## 7. Debrief (after you submit)
#
# Discuss the questions in the room first. Then compare your map with the expert map
# person by person: where you differ, find the document that decides it. Before you submit,
# this section only says that it is locked.

# %% [markdown] lang="zh"
# ## 7. 复盘（提交之后）
#
# 先在全班讨论复盘问题，再逐人对照专家地图：凡是和你不一样的地方，找出决定答案的那份资料。提交之前，这一部分只会显示“尚未解锁”。

# %%
course.debrief(case)

# %%
ScoreCard(builder.map, case)

# %% [markdown] lang="en"
# ## Key points
#
# - The friendliest contact is rarely the decider: count where your contacts went and whom
#   they reached, and avoid single-threading.
# - Read the customer's rules: they say who scores, who recommends and who approves.
# - A coach is a source to verify, not an oracle.
# - People who never met us can still sign, score or reverse: map everyone the rules and
#   past decisions name, not only the people you have met.
#
# More practice: [workbook 10](../../exercises/en/10_case_it_solution_exercises.ipynb)
#
# ---
# [Previous: 09 Strategy and actions](09_strategy_and_actions.ipynb) · [Next: 11 Case: medical device](11_case_medical_device.ipynb)

# %% [markdown] lang="zh"
# ## 要点回顾
#
# - 最热情的对接人很少是拍板的人：数一数你的接触都落在谁身上、又通过他们够到了谁，避免“单线联系”。
# - 读懂客户的规章：谁打分、谁推荐、谁审批，都写在里面。
# - 教练是需要验证的信息来源，不是神谕。
# - 没见过我们的人，照样可能签字、打分甚至让结果翻盘：规章和过往决策里提到的每个人都要上图，而不只是见过面的人。
#
# 更多练习：[练习册10](../../exercises/zh/10_case_it_solution_exercises.ipynb)
#
# ---
# [上一节：09 策略与行动](09_strategy_and_actions.ipynb) · [下一节：11 案例：医疗器械](11_case_medical_device.ipynb)

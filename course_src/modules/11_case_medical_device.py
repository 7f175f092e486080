# %% [markdown] lang="en"
# # 11 · Case: a medical device for a public hospital
#
# **Time:** 10 minutes introduction + 75 minutes building and planning + 35 minutes debrief
#
# **Questions**
# - Who decides, who scores and who approves a large equipment purchase in a public hospital?
# - Which friendly voices carry no vote, and which quiet ones matter more than they seem?
# - Where does legitimate influence end?
#
# **Objectives:** after this case you can
# - build a complete map of a hospital's committees, departments and tender panel from a pack of documents;
# - read a scoring method and tell panel scoring from recommend-then-approve;
# - weigh the would-be coaches and keep the one who passes verification;
# - judge proposed actions against the hospital's integrity rules;
# - choose the people to reach first.

# %% [markdown] lang="zh"
# # 11 · 案例：公立医院的医疗器械采购
#
# **时间：** 导入10分钟＋画图与规划75分钟＋复盘35分钟
#
# **本案例回答的问题**
# - 公立医院采购一台大型设备，谁决策、谁打分、谁审批？
# - 哪些热情的声音其实没有投票权，哪些沉默的人比看上去更重要？
# - 正当影响力的边界在哪里？
#
# **学完本案例，你能够**
# - 从一套资料画出医院各委员会、科室和评标专家组的完整地图；
# - 读懂评分办法，分清“评委打分制”和“推荐＋审批”；
# - 比较几位可能的教练，留下经得起验证的那一位；
# - 用医院的廉洁规定衡量每一个拟采取的行动；
# - 选出最先要接触的人。

# %% [markdown] lang="en" tags=["trainer"]
# ## Module 11 · facilitator notes
#
# **Sources:** seed 000 §5.2 (doctors use, the administrator decides; demonstrate for the
# doctors, show the administrators efficiency), seed 001 case 2 (purchasing manager and
# doctors are key: cost-benefit for one, clinical results for the other), seed 003 units
# 1–5 (coach verification, decision modes, relationship steps), seed 000 §6 (dynamic change).
#
# **Timing (120 min):** introduction 10 · the brief and ten documents 35 (about 3,300
# words, 4,700 Chinese characters) · map 30 · compliance and the first three 10 · submit,
# then debrief 35 (the compliance discussion is not optional).
#
# **Key message:** in a scored tender only the panel's points count, and the people who
# write the scoring method shape the result long before the panel sits. Influence works
# through needs and selection criteria, in the open channel.
#
# **Common misconceptions:** "the department head likes us, so we are safe" (ask: what
# does the scoring method weigh, doc 07?); treating a coach who offers secrets as the best
# coach (seed 003: a coach is verified by what checks out, not by what is exciting);
# private meetings with panel members once the tender is out (over the line).
#
# **Room ahead:** role-play the first visit to the finance side with the cost model.
# **Room behind:** skip the second reading of the documents; have pairs compare maps for
# ten minutes instead.

# %% [markdown] lang="zh" tags=["trainer"]
# ## 模块11 · 讲师备注
#
# **出处：** 种子000 §5.2（医生是使用者，院方管理者拍板；给医生演示产品，给管理层讲效率）；种子001案例2（采购经理和医生是关键：一方看成本效益，一方看临床效果）；种子003第一至五单元（教练的验证、决策模式、关系五步）；种子000 §6（动态变化）。
#
# **时间安排（120分钟）：** 导入10分钟 · 简报和十份资料35分钟（英文约3,300词，中文约4,700字） · 画图30分钟 · 合规判断和首选三人10分钟 · 提交后复盘35分钟（合规讨论不能省）。
#
# **核心信息：** 在评分制的招标里，只有评委的分数算数；而写评分办法的人，早在评委入场之前就已经影响了结果。影响力要通过需求和选型标准、在公开渠道里发挥。
#
# **常见误区：** “科主任喜欢我们，所以稳了”（追问：评分办法看重什么？见资料07）；把主动透露内部消息的人当成最好的教练（种子003：教练靠“说过的话能否被证实”来验证，而不是靠消息有多劲爆）；招标公告发出后私下约见评委（越界）。
#
# **进度快：** 演练带着成本测算第一次拜访财务一方。**进度慢：** 省掉第二遍精读，改为两人一组对比地图10分钟。

# %%
import powermap_kit as pk
from powermap_kit import course, load_case, work_path
from powermap_kit.widgets import Exercise, MapBuilder, ScoreCard, SubmitButton, choose, choose_each, text_fields

pk.set_language("{{lang}}")
case = load_case("medical-device")

# %% [markdown] lang="en"
# ## The situation
#
# A large public hospital is buying a second piece of major imaging equipment. Doctors use
# it; committees review it; a tender panel scores it; the president's office meeting
# approves it; strict integrity rules bind everyone, including you. Read the compliance
# note at the end of the brief before you plan a single action.
#
# **Plan your time:** 35 minutes reading, 30 for the map, 10 for the compliance question
# and the plan, then submit.

# %% [markdown] lang="zh"
# ## 局势
#
# 一家大型公立医院要采购第二台大型影像设备。医生是使用者，委员会做论证，评标专家组打分，院长办公会审批；严格的廉洁规定约束着每一个人，也包括你。在规划任何行动之前，先读完简报末尾的合规说明。
#
# **时间分配：** 阅读35分钟，画图30分钟，合规判断和规划10分钟，然后提交。

# %% [markdown] lang="en"
# ## 1. The brief
#
# Read it here or open it beside this notebook:
# [the brief](../../case_studies/medical-device/brief.en.md).

# %% [markdown] lang="zh"
# ## 1. 案例简报
#
# 可以在这里读，也可以在旁边单独打开：[案例简报](../../case_studies/medical-device/brief.zh.md)。

# %%
case.brief()

# %% [markdown] lang="en"
# ## 2. The intelligence pack
#
# Read the documents in order and note, for every rating you make later, the document and
# the line behind it:
# [01 org chart](../../case_studies/medical-device/documents/01_org_chart.en.md) ·
# [02 hospital news](../../case_studies/medical-device/documents/02_hospital_news.en.md) ·
# [03 CRM notes](../../case_studies/medical-device/documents/03_crm_notes.en.md) ·
# [04 committee review](../../case_studies/medical-device/documents/04_committee_review.en.md) ·
# [05 request for information](../../case_studies/medical-device/documents/05_supplementary_request.en.md) ·
# [06 conversation notes](../../case_studies/medical-device/documents/06_coach_conversation.en.md) ·
# [07 scoring method (draft)](../../case_studies/medical-device/documents/07_tender_draft.en.md) ·
# [08 chat messages](../../case_studies/medical-device/documents/08_wechat_he_jing.en.md) ·
# [09 meeting notice](../../case_studies/medical-device/documents/09_meeting_notice.en.md) ·
# [10 agency e-mail](../../case_studies/medical-device/documents/10_agency_email.en.md)

# %% [markdown] lang="zh"
# ## 2. 情报资料
#
# 请按顺序阅读。后面每做一项判断，都记下依据的是哪份资料、哪一句话：
# [01 组织架构](../../case_studies/medical-device/documents/01_org_chart.zh.md) ·
# [02 医院新闻](../../case_studies/medical-device/documents/02_hospital_news.zh.md) ·
# [03 CRM跟进记录](../../case_studies/medical-device/documents/03_crm_notes.zh.md) ·
# [04 论证会纪要](../../case_studies/medical-device/documents/04_committee_review.zh.md) ·
# [05 补充材料通知](../../case_studies/medical-device/documents/05_supplementary_request.zh.md) ·
# [06 交流记录](../../case_studies/medical-device/documents/06_coach_conversation.zh.md) ·
# [07 评分办法（征求意见稿）](../../case_studies/medical-device/documents/07_tender_draft.zh.md) ·
# [08 微信聊天](../../case_studies/medical-device/documents/08_wechat_he_jing.zh.md) ·
# [09 会议通知](../../case_studies/medical-device/documents/09_meeting_notice.zh.md) ·
# [10 代理机构邮件](../../case_studies/medical-device/documents/10_agency_email.zh.md)

# %%
course.documents_table(case)

# %%
for document in case.documents:
    display(document)

# %% [markdown] lang="en"
# ## 3. Build your map
#
# Add every person who matters — departments, committees, the panel, administration —
# with roles, power, stance, coach and evidence, and the lines between them. Someone you
# know nothing about is *unknown*, not neutral. Your map is saved as you work.

# %% [markdown] lang="zh"
# ## 3. 画出你的权力地图
#
# 把所有相关的人都加进来——临床科室、各委员会、评标专家组、院领导——写上角色、权力、态度、是否教练和证据，再连上他们之间的关系线。毫无信息的人，态度是“未知”，不是“中立”。地图会边画边自动保存。

# %%
builder = MapBuilder(case.blank_map(), path=work_path("medical-device/{learner}.json"))
course.with_fallback(builder, course.map_picture(builder.map))

# %% [markdown] lang="en"
# ### The buying stage and the decision mode
#
# Where is the hospital in its buying journey, and how will the winner be chosen? The
# scoring method and the meeting rules say more than anyone's opinion.

# %% [markdown] lang="zh"
# ### 采购阶段和决策模式
#
# 医院现在走到了采购旅程的哪一步？中标者会怎样产生？评分办法和会议规则比任何人的看法都更可靠。

# %%
Exercise("11.case_stage", lambda stage: course.check_case_stage(case, stage), choose("stage"))

# %%
Exercise("11.case_mode", lambda mode: course.check_case_decision_mode(case, mode), choose("decision_mode"))

# %% [markdown] lang="en"
# ## 4. Check your draft
#
# The check names the areas and documents to revisit, never the answer. Fix the map in the
# builder and check again.

# %% [markdown] lang="zh"
# ## 4. 检查初稿
#
# 检查结果只会指出该回头看的方面和资料，不会给出答案。在画图工具里修改后再检查。

# %%
course.check_case_map(builder.map, case)

# %% [markdown] lang="en"
# ## 5. Legitimate influence or over the line?
#
# Relationships are built step by step, and selling means guiding the customer's
# understanding towards selection criteria that serve both sides. In a public hospital
# every step runs under the integrity rules in the brief. For each proposed action, decide:
# legitimate, or over the line?

# %% [markdown] lang="zh"
# ## 5. 正当影响，还是越界？
#
# 关系要一步一步建立；销售的本事，是把客户的认识引导到对双方都有利的选型标准上。在公立医院里，每一步都要在简报所列的廉洁规定之内进行。请逐条判断下面的行动：合规，还是越界？

# %%
actions = {f"c{n}": {lg: pk.vocab.text(f"course.compliance.c{n}", lg) for lg in pk.vocab.LANGUAGES} for n in range(1, 9)}
Exercise("11.compliance", course.check_compliance,
         choose_each(actions, dict(ok=dict(en="Legitimate", zh="合规"), not_ok=dict(en="Over the line", zh="越界"))))

# %% [markdown] lang="en"
# ## 6. The first three
#
# Name the three people you would spend the next two weeks on, before the comment period
# closes and the president's office meeting sits.

# %% [markdown] lang="zh"
# ## 6. 首选三人
#
# 在征求意见期结束、院长办公会召开之前的两周里，你会把时间花在哪三个人身上？

# %%
Exercise("11.first_three",
         lambda names: course.check_priorities([n for n in names.values() if n.strip()], case),
         text_fields({"first": dict(en="First", zh="第一位"),
                      "second": dict(en="Second", zh="第二位"),
                      "third": dict(en="Third", zh="第三位")}))

# %% [markdown] lang="en"
# ## 7. Submit your map
#
# Submitting keeps a frozen copy for your trainer and unlocks the debrief. You can go on
# improving the map and submit again; the latest submission counts.

# %% [markdown] lang="zh"
# ## 7. 提交地图
#
# 提交后，系统为讲师保存一份定稿，并解锁复盘。之后仍可修改、再次提交，以最后一次为准。

# %%
SubmitButton(builder)

# %% [markdown] lang="en"
# ## 8. Debrief (after you submit)
#
# Discuss in the room first; the question on where a private meeting crosses the line is
# not optional. Then compare your map with the expert map person by person.

# %% [markdown] lang="zh"
# ## 8. 复盘（提交之后）
#
# 先在全班讨论；“私下见面在什么情况下越界”这个问题必须讨论。然后逐人对照专家地图。

# %%
course.debrief(case)

# %%
ScoreCard(builder.map, case)

# %% [markdown] lang="en"
# ## Key points
#
# - Doctors use, administrators decide and approve — but in a scored tender only the panel's
#   points count: find who scores and who writes the scoring method.
# - Cost-benefit goes to purchasing and finance; clinical results to the doctors.
# - Politeness is not support, and silence is not neutrality: rate each person on what
#   the documents show.
# - Verify every coach: one who explains the process and refuses secrets is worth more than
#   one who offers secrets and asks for favours.
# - Legitimate influence works through needs and selection criteria, in the open channel.
#
# More practice: [workbook 11](../../exercises/en/11_case_medical_device_exercises.ipynb)
#
# ---
# [Previous: 10 Case: IT solution](10_case_it_solution.ipynb) · [Next: 12 Dynamic change](12_dynamic_change.ipynb)

# %% [markdown] lang="zh"
# ## 要点回顾
#
# - 医生使用，院方管理者决策和审批——但在评分制招标里只有评委的分数算数：找出谁打分、谁写评分办法。
# - 成本效益讲给采购和财务听，临床效果讲给医生听。
# - 客气不等于支持，沉默也不等于中立：每个人的态度都要以资料为依据。
# - 每一位教练都要验证：讲清流程、拒绝透露机密的人，比主动给内幕、还要求回报的人更可靠。
# - 正当的影响力通过需求和选型标准发挥，走公开渠道。
#
# 更多练习：[练习册11](../../exercises/zh/11_case_medical_device_exercises.ipynb)
#
# ---
# [上一节：10 案例：IT解决方案](10_case_it_solution.ipynb) · [下一节：12 动态变化](12_dynamic_change.ipynb)

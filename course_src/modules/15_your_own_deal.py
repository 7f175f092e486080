# %% [markdown] lang="en"
# # 15 · Your own deal
#
# **Time:** 60 minutes (in the workshop, or on your own after it)
#
# **Questions**
# - What does the power map of a deal I am working on right now look like?
# - Where is it thin: whom have I never met, what have I never verified?
# - What do I do in the next two weeks, and with whom?
#
# **Objectives:** after this module you
# - have a power map of one of your live opportunities, started from your CRM or from scratch;
# - have read it with the analysis of module 08: status, risks, routes and people to reach;
# - leave with a visit plan for the first person you need to see, and the map back in your CRM format.

# %% [markdown] lang="zh"
# # 15 · 你自己的商机
#
# **时间：** 60分钟（可在工作坊上完成，也可以课后自己做）
#
# **本模块回答的问题**
# - 我手上正在跟进的这个商机，权力地图是什么样子？
# - 哪里还薄弱：哪些人从没见过？哪些信息从没核实过？
# - 接下来两周，我要做什么、找谁？
#
# **完成本模块后，你将**
# - 拥有一张自己正在跟进的商机的权力地图，可以从CRM导入，也可以从零画起；
# - 用模块08的分析方法读懂它：现状、风险、接触路径和要优先接触的人；
# - 带走一份拜访计划，写给你第一个要见的人；地图还能按CRM的格式导出带走。

# %% [markdown] lang="en" tags=["trainer"]
# ## Module 15 · facilitator notes
#
# **Why:** the cases teach the method; a learner's own deal is where it sticks. This is the
# workshop's last exercise or its homework.
#
# **Privacy first (say it aloud):** the map describes real people at a real customer. It is
# saved in the learner's own `powermap-work/private/` folder under a name no collection reads:
# `powermap collect` only reads `<case>/<learner>.json` and its submitted copy, whatever case
# name you give it (tested). You will not see it. Learners who want feedback export it and
# choose whom to send it to, or show their screen to a colleague.
#
# **Timing (60 min):** start the map 5 (import or blank) · build 25 · analysis 10 · visit plan
# 15 · export 5. Pairs work well: each explains their deal in two minutes, the partner asks
# "who signs?" and "how do you know?".
#
# **CRM exports:** Salesforce and HubSpot contact-role reports and the plain template (English
# or Chinese headers; UTF-8, GBK or UTF-16) import as they are. Roles map from the CRM's
# contact roles; power, stance and coach never come from a CRM: the learner sets them.
#
# **Room behind:** skip the analysis and go straight to the visit plan for the one person
# who worries them most.

# %% [markdown] lang="zh" tags=["trainer"]
# ## 模块15 · 讲师备注
#
# **目的：** 案例教会方法，学员自己的商机才能让方法落地。这是工作坊的最后一个练习，也可以作为课后作业。
#
# **隐私第一（请当众讲清楚）：** 这张地图描述的是真实客户里的真实的人。它保存在学员自己的`powermap-work/private/` 文件夹里，文件名不会被任何收取读到：`powermap collect` 只读取`<案例>/<学员>.json` 及其提交副本，无论你给出什么案例名都一样（有测试覆盖）。讲师看不到它。想要反馈的学员可以自行导出，自己决定发给谁，或者把屏幕给同事看。
#
# **时间安排（60分钟）：** 建立地图5分钟（导入或空白）· 画图25分钟 · 分析10分钟 · 拜访计划15分钟 · 导出5分钟。两人一组效果很好：每人用两分钟讲自己的商机，搭档追问“谁签字？”“你怎么知道的？”。
#
# **CRM导出文件：** Salesforce、HubSpot的联系人角色报表和通用模板（中英文表头均可；UTF-8、GBK、UTF-16编码均可）都能直接导入。角色按CRM里的联系人角色对应；权力、态度和教练从来不来自CRM：这些要学员自己判断。
#
# **进度慢：** 跳过分析，直接为最让他担心的那个人写拜访计划。

# %%
import powermap_kit as pk
from powermap_kit import course, ourdeal
from powermap_kit.widgets import Exercise, MapBuilder, text_fields

pk.set_language("{{lang}}")
deal = ourdeal.start_deal()

# %% [markdown] lang="en"
# ## Your map stays yours
#
# This map describes real people. It is saved only in **your own** work folder, in
# `powermap-work/private/my-deal.json`. Your trainer's collection never reads that folder,
# and on the workshop server nobody else can read your files. If you want feedback, export
# the map at the end and decide yourself whom to send it to.
#
# Write what you would be comfortable with the person reading: observations and evidence,
# not gossip.

# %% [markdown] lang="zh"
# ## 你的地图只属于你
#
# 这张地图描述的是真实的人。它只保存在**你自己的**工作文件夹里：`powermap-work/private/my-deal.json`。讲师收取作业时从不读取这个文件夹；在工作坊服务器上，其他人也读不到你的文件。如果想听听别人的意见，最后把地图导出，由你自己决定发给谁。
#
# 请只写你不介意被当事人看到的内容：观察和证据，而不是小道消息。

# %% [markdown] lang="en"
# ## 1. Start: from your CRM, or from scratch
#
# Choose one live opportunity you care about. To start from your CRM, export the contacts of
# that opportunity as CSV (Salesforce, HubSpot or the plain template), upload the file into
# `powermap-work/private/` with the upload button of the file browser, name it
# `my-deal-crm.csv`, and open this notebook again. Otherwise you start from an empty map.

# %% [markdown] lang="zh"
# ## 1. 开始：从CRM导入，或从零画起
#
# 选一个你在意的、正在跟进的商机。如果想从CRM开始，把这个商机的联系人导出为CSV（Salesforce、HubSpot或通用模板均可），用左侧文件浏览器的上传按钮把文件上传到 `powermap-work/private/`，命名为 `my-deal-crm.csv`，然后重新打开本笔记本。否则就从一张空白地图开始。

# %%
deal.message()

# %% [markdown] lang="en"
# ## 2. Build the map
#
# Add everyone involved in the decision, on the customer's side: roles, power, stance, coach,
# and for each rating the evidence and the date you last verified it. Be honest: someone you
# have never met is *unknown*. Then draw the lines: who reports to whom, who influences whom.

# %% [markdown] lang="zh"
# ## 2. 画地图
#
# 把客户一方所有参与决策的人都加进来：角色、权力、态度、是否教练；每一项判断都写上证据和最近一次核实的日期。请如实填写：从没见过的人，态度就是“未知”。然后画关系线：谁向谁汇报，谁影响谁。

# %%
builder = MapBuilder(deal.map, path=deal.path)
course.with_fallback(builder, course.map_picture(builder.map))

# %% [markdown] lang="en"
# ## 3. Read it
#
# The analysis reads your map as module 08 did: the overall status, the risks (single-threading,
# a decision maker nobody has met, old information…), the routes to the people you cannot
# reach yet, and the actions it suggests. Run this cell again after you change the map.

# %% [markdown] lang="zh"
# ## 3. 读懂地图
#
# 分析功能会像模块08那样解读你的地图：总体状况、风险（单线联系、没人见过的决策者、信息过期……）、接近尚未接触之人的路径，以及建议的行动。修改地图后，再运行一次这个单元格。

# %%
analysis = pk.analyse(builder.map)
analysis

# %%
course.matrix_picture(builder.map)

# %% [markdown] lang="en"
# ## 4. Your next visit
#
# Pick the one person who matters most and whom you have not won yet. Prepare the visit:
# what you assume they need, what this visit should achieve (a step the customer commits to,
# not "build the relationship"), what the competitor is telling them, how we differ, and how
# you will guide the conversation. The check says which parts are still vague.

# %% [markdown] lang="zh"
# ## 4. 下一次拜访
#
# 选出最重要、又还没争取到的那个人，准备这次拜访：你推测他的需求是什么；这次拜访要达成什么（客户承诺的下一步，而不是“搞好关系”）；竞争对手在对他说什么；我们有什么不同；你打算怎样引导谈话。检查结果会指出哪些部分还不够具体。

# %%
visit_items = ("assumed_needs", "visit_goal", "competitor_assumptions", "differences", "guidance_path")
fields = {item: {lg: pk.vocab.text(f"course.visit.{item}.name", lg) for lg in pk.vocab.LANGUAGES}
          for item in visit_items}
Exercise("15.visit_plan", course.check_visit_plan, text_fields(fields, multiline=True))

# %% [markdown] lang="en"
# ## 5. Take it with you
#
# Export the map back to CSV in the import template: it opens in Excel and imports into most
# CRMs. The file is written to your private folder as `my-deal-export.csv` (download it from
# the file browser). Run this cell again after your last change.

# %% [markdown] lang="zh"
# ## 5. 带走你的地图
#
# 把地图按导入模板导出为CSV：可以用Excel打开，也能导入大多数CRM。文件以 `my-deal-export.csv`为名写入你的私人文件夹（在文件浏览器里下载即可）。最后一次修改后，再运行一次这个单元格。

# %%
ourdeal.export_message(builder.map)

# %% [markdown] lang="en"
# ## Key points
#
# - The method works on your own deals: people, roles, power, stance, evidence, dates.
# - The gaps in your own map are your next actions: whom you have never met, what you have never verified.
# - A visit has a goal the customer commits to.
# - Your map stays private unless you choose to share it.
#
# ---
# [Previous: 14 Trainer guide](14_trainer_guide.ipynb) · [Next: 16 After the course](16_post_check.ipynb) · [Back to the start](00_start_here.ipynb)

# %% [markdown] lang="zh"
# ## 要点回顾
#
# - 这套方法同样适用于你自己的商机：人、角色、权力、态度、证据、日期。
# - 自己地图上的空白，就是你的下一步行动：从没见过的人、从没核实过的信息。
# - 每次拜访都要有一个客户愿意承诺的目标。
# - 除非你自己选择分享，你的地图始终是私密的。
#
# ---
# [上一节：14 讲师指南](14_trainer_guide.ipynb) · [下一节：16 课后小测](16_post_check.ipynb) · [回到起点](00_start_here.ipynb)

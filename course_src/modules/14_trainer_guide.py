# %% [markdown] lang="en"
# # 14 · Trainer guide: running the workshop
#
# **Time:** 30 minutes reading · **For:** trainers
#
# *Trainer module: it reads the answer keys. Where the trainer withholds the keys
# from learners (a shared server), leave it out of the learner copy and run it where the keys
# are (README: "Withholding the keys").*
#
# **Questions**
# - How do I run the course in one day or two?
# - What is in the trainer's kit, and how do I build it?
# - How do I give every learner their own server, and collect the room's maps without
#   anyone reading anyone else's?
# - How do I follow the room's progress and grade the workbooks?
#
# **Objectives:** after this module you can
# - choose a track and print its schedule, notes, handouts and slides;
# - start the workshop hub for a dry run and know what a real room changes;
# - collect submitted maps with a trainer token, and explain the privacy guarantee;
# - show the room's results and progress, and grade workbooks with nbgrader.

# %% [markdown] lang="zh"
# # 14 · 讲师指南：如何组织一场工作坊
#
# **时间：** 阅读30分钟 · **适用对象：** 讲师
#
# *讲师模块：本模块要读取参考答案。讲师不向学员开放答案时（例如共用服务器），学员版课程不含本模块，请在存放答案的机器上运行（见 README“Withholding the keys”一节）。*
#
# **本模块回答的问题**
# - 一天或两天的课怎么排？
# - 讲师工具包里有什么，怎么生成？
# - 怎样让每位学员都有自己的服务器，并且在收取全班地图时，谁也看不到别人的作业？
# - 怎样跟踪全班进度、批改练习册？
#
# **学完本模块，你能够**
# - 选定课程安排，并打印对应的日程、讲师备注、讲义和幻灯片；
# - 启动工作坊服务器做一次预演，并了解正式开课时要改哪些设置；
# - 用讲师令牌收取学员提交的地图，并讲清隐私是怎样得到保障的；
# - 展示全班的成绩和进度，用nbgrader批改练习册。

# %% [markdown] lang="en" tags=["trainer"]
# ## Module 14 · notes
#
# **Sources:** seed 003's pacing (课程时长：1–2天，6小时/天); seed 002's regular training and
# team sharing of maps. Everything in this guide is what the repository does and what its
# tests run: `tests/hub/test_hub.py` (the hub, collection and the 403), `tests/hub/test_nbgrader.py`
# (the nbgrader round trip), `tests/test_ourdeal.py` (own deals are never collected).
#
# **Before your first workshop:** run `make workshop`, log in as a learner in one browser
# and as the trainer in another, build and submit a map as the learner, collect it as the
# trainer. Twenty minutes that save you the first hour of the real day.

# %% [markdown] lang="zh" tags=["trainer"]
# ## 模块14 · 备注
#
# **出处：** 种子003的课程节奏（课程时长：1–2天，6小时/天）；种子002的定期培训和团队共享地图。本指南所写的都是代码库实际做到、并有测试覆盖的内容：`tests/hub/test_hub.py`（服务器、收取作业和403拒绝访问）、`tests/hub/test_nbgrader.py`（nbgrader完整流程）、`tests/test_ourdeal.py`（学员自己的商机不会被收取）。
#
# **第一次开课前：** 运行 `make workshop`，在一个浏览器里以学员身份登录、另一个浏览器里以讲师身份登录；用学员身份画一张图并提交，再用讲师身份收取。花二十分钟预演，能省下正式开课的第一个小时。

# %%
import powermap_kit as pk
from powermap_kit import course, load_case, work_path
from powermap_kit import collect
from powermap_kit.widgets import CohortDashboard

pk.set_language("{{lang}}")
case = load_case("it-solution")

# %% [markdown] lang="en"
# ## 1. One day or two
#
# A workshop day has about six hours of sessions. The **two-day track** covers every module,
# with both flagship cases and dynamic change on day two. The **one-day track** is a coherent
# subset with one flagship case. In both, a case never runs before the modules it needs (coach
# verification and analysis), and a case's reading, map-building and debrief times are
# measured from its pack. Times include each module's exercises; breaks and lunch are shown.

# %% [markdown] lang="zh"
# ## 1. 一天还是两天
#
# 每个培训日大约安排六小时课程。**两天版**覆盖全部模块，第二天做两个旗舰案例和动态变化练习。
# **一天版**是其中自成体系的一部分，只做一个旗舰案例。两种安排里，案例都排在它所依赖的模块（教练的验证、地图分析）之后；案例的阅读、画图和复盘时间按案例资料的实际篇幅测算。时间已含各模块的练习，课间休息和午餐单独列出。

# %%
course.agenda("one_day", case="10")

# %%
course.agenda("two_day")

# %% [markdown] lang="en"
# ## 2. The trainer's kit
#
# | what | where | made by |
# |---|---|---|
# | facilitator notes per module (timing, key message, misconceptions, prompts) | `trainer/notes/{en,zh}/` | `make course` |
# | workbook solutions | `trainer/solutions/{en,zh}/` | `make course` |
# | one-page schedules, cheat sheet, blank map canvas, case packs, role-plays (PDF) | `trainer/handouts/{en,zh}/` | `make kit` |
# | slides per module (reveal.js, open offline) | `trainer/slides/{en,zh}/` | `make kit` |
#
# The notebooks, workbooks, solutions and notes are generated from one bilingual source per
# module (`course_src/`), so the two languages never drift apart. Keep `trainer/` away from
# learners: it holds the solutions.
#
# Open the course for a Chinese room with `make lab LANG=zh` (JupyterLab's menus in Chinese
# too), or as a web app with `make app LANG=zh`.

# %% [markdown] lang="zh"
# ## 2. 讲师工具包
#
# | 内容 | 位置 | 生成方式 |
# |---|---|---|
# | 各模块讲师备注（时间安排、核心信息、常见误区、讨论提示） | `trainer/notes/{en,zh}/` | `make course` |
# | 练习册参考答案 | `trainer/solutions/{en,zh}/` | `make course` |
# | 单页日程、速查卡、空白地图画布、案例资料包、角色扮演（PDF） | `trainer/handouts/{en,zh}/` | `make kit` |
# | 各模块幻灯片（reveal.js，可离线打开） | `trainer/slides/{en,zh}/` | `make kit` |
#
# 课程笔记本、练习册、参考答案和讲师备注都由每个模块的一份中英双语源文件（`course_src/`）生成，两种语言不会出现内容不一致。`trainer/` 文件夹里有参考答案，请勿发给学员。
#
# 给中文学员上课时，用 `make lab LANG=zh` 打开课程（JupyterLab的菜单也是中文），或用 `make app LANG=zh` 以网页应用方式打开。

# %% [markdown] lang="en"
# ## 3. A server for every learner: the workshop hub
#
# For a room, run the course on JupyterHub. `deploy/jupyterhub/` holds a tested
# configuration; `make workshop` starts it on your own machine for a dry run:
#
# ```bash
# make workshop      # http://127.0.0.1:8000 — learner1, learner2, learner3 and trainer
# ```
#
# The password is printed at start and kept in `.workshop-hub/password.txt`. Every learner
# logs in to their **own account and server**; the course files are copied into their home
# only when missing, so restarting a server never overwrites anyone's work. Their files are
# named after their account. A **trainer role** may list the learners, start their servers
# and read their files through JupyterHub's REST API. There is no shared folder.
#
# What a real room changes: per-learner passwords (the dry run shares one, so anyone who
# knows it can log in as anyone), a system user or a container per learner, and the course
# distributed with nbgitpuller. `deploy/jupyterhub/README.md` gives the path to The Littlest
# JupyterHub (one server, up to about 100 learners) and to Kubernetes (hundreds), with sizes
# from measured figures: about 434 MiB guaranteed per learner, so a 2-core, 24 GB machine
# holds about 50 learners. Those two paths use the tested settings but were not run end to
# end here.

# %% [markdown] lang="zh"
# ## 3. 每位学员一台服务器：工作坊服务器
#
# 面向整个班级时，请在JupyterHub上运行课程。`deploy/jupyterhub/` 里有一份经过测试的配置；`make workshop` 可在你自己的电脑上启动它做预演：
#
# ```bash
# make workshop      # http://127.0.0.1:8000 —— 学员账号learner1、learner2、learner3，讲师账号trainer
# ```
#
# 启动时会打印密码，并保存在 `.workshop-hub/password.txt`。每位学员登录**自己的账号和服务器**；课程文件只在学员目录里没有时才复制进去，所以重启服务器绝不会覆盖任何人的作业。学员的文件以账号命名。
# **讲师角色**可以列出学员、启动他们的服务器，并通过JupyterHub的REST接口读取他们的文件。没有任何共享文件夹。
#
# 正式开课要改的地方：每位学员单独的密码（预演时大家共用一个密码，知道密码的人可以登录任何账号）、每位学员一个系统用户或容器、用nbgitpuller分发课程。`deploy/jupyterhub/README.md` 说明了如何部署到The Littlest JupyterHub（一台服务器，约100名学员以内）和Kubernetes（数百名学员），并给出按实测数据计算的配置：每位学员保证约434 MiB内存，一台2核24 GB的机器约可容纳50名学员。这两种部署沿用了经过测试的设置，但没有在这里做端到端的实际运行。

# %% [markdown] lang="en"
# ## 4. Submit, then collect
#
# Learners build a case map (it is autosaved as a draft) and click **Submit** under the
# builder when they are done: a frozen copy is kept, and the case's debrief unlocks for
# them. The trainer collects, in a terminal, with a token of the trainer role (hub menu ›
# Token). Keep the token in an environment variable, not on the command line:
#
# ```bash
# export POWERMAP_HUB_TOKEN=...
# powermap collect --hub http://127.0.0.1:8000 --case it-solution --out collected/it-solution
# ```
#
# Every learner is listed: *submitted*, *drafting* or *not started*; anyone whose work could
# not be collected appears as **not collected** with the reason (server not running, no file
# yet, access refused). Nobody is silently skipped.
#
# **The privacy guarantee:** a learner's token gets *403 Forbidden* on another learner's
# files and cannot collect (tested on a real hub). Only the trainer role reads learners'
# work, and it could also write: give it to trainers only. Collected maps describe real
# people: keep them in your own folder and delete them after the debrief. A learner's own
# deal (module 15) is saved where no collection looks, whatever the case name.

# %% [markdown] lang="zh"
# ## 4. 先提交，再收取
#
# 学员画案例地图（自动保存为草稿），完成后点击画图工具下方的**提交**：系统保存一份定稿，同时为该学员解锁这个案例的复盘。讲师在终端里用讲师角色的令牌收取（服务器菜单 › Token）。令牌请放在环境变量里，不要写在命令行上：
#
# ```bash
# export POWERMAP_HUB_TOKEN=...
# powermap collect --hub http://127.0.0.1:8000 --case it-solution --out collected/it-solution
# ```
#
# 每位学员都会列出来：**已提交**、**草稿中**或**未开始**；没能收取到的人会标为**未收取**并写明原因（服务器未运行、还没有文件、拒绝访问）。不会有人被悄悄漏掉。
#
# **隐私保障：** 学员的令牌访问其他学员的文件会得到“403 拒绝访问”，也无法收取作业（已在真实的JupyterHub上测试）。只有讲师角色能读取学员的作业，而且它同样有写权限：只授予讲师。收上来的地图描述的是真实的人：放在你自己的文件夹里，复盘结束后删除。学员自己的商机（模块15）保存在任何收取都不会查看的位置，无论用什么案例名收取。

# %% [markdown] lang="en"
# For a laptop workshop without a hub, learners hand in their case folder and
# `powermap collect --folder handed-in/ --case it-solution --out collected/it-solution --users ann,bob`
# gives the same table. Here is that table for three sample maps, then the room's dashboard
# with names hidden, as you would project it:

# %% [markdown] lang="zh"
# 没有服务器、用笔记本电脑上课时，学员交上各自的案例文件夹，运行`powermap collect --folder handed-in/ --case it-solution --out collected/it-solution --users ann,bob`可以得到同样的表格。下面是三张样例地图的收取结果，以及隐去姓名、适合投屏的全班看板：

# %%
room = collect.collect_folder(case.folder / "submissions", "it-solution", work_path("collected/it-solution"))
room.frame()

# %%
dashboard = CohortDashboard(room.folder, case.key, hide_names=True)
course.with_fallback(dashboard, room.frame())

# %% [markdown] lang="en"
# During a case, pass `refresh_every=60` to the dashboard and `collect=` a function that
# collects again, and it keeps itself current (deploy/jupyterhub/README.md shows the call).
# Show the spread first, then the most common mistakes, and ask the room why — before you
# reveal the expert map. Module 13 shows how to review one map.

# %% [markdown] lang="zh"
# 案例进行期间，给看板传入 `refresh_every=60`，并用 `collect=` 传入重新收取的函数，看板就会自动保持最新（调用方法见 deploy/jupyterhub/README.md）。先展示分数分布，再展示最常见的错误，请全班分析原因——最后才揭晓专家地图。点评单张地图的方法见模块13。

# %% [markdown] lang="en"
# ## 5. Progress and grading
#
# - **The room's progress across the course:** every exercise a learner checks is written to
#   their answer log, and every case map carries its status. `powermap progress` reads a
#   folder of answer logs (and, with `--case it-solution=collected/it-solution`, the case
#   folders) and shows per learner which modules are done, how well, and who is stuck where.
# - **Graded workbooks with nbgrader:** `python deploy/nbgrader/make_source.py COURSE_DIR`
#   turns the workbooks into nbgrader assignments. Learners answer with the same widgets;
#   autograde gives the partial credit the course's checks give, and nothing trainer-only is
#   released (`deploy/nbgrader/README.md`; the round trip is tested with a blank, a complete
#   and a partly done learner).

# %% [markdown] lang="zh"
# ## 5. 进度与批改
#
# - **全班在整个课程中的进度：** 学员每检查一次练习都会记入其答题记录，每张案例地图都带有状态。`powermap progress` 读取一个存放答题记录的文件夹（加上 `--case it-solution=collected/it-solution`还会读取案例文件夹），按学员列出完成了哪些模块、完成得如何、谁卡在了哪里。
# - **用nbgrader批改练习册：** `python deploy/nbgrader/make_source.py 课程目录` 会把练习册转换为nbgrader作业。学员仍用同样的控件作答；自动批改按课程检查给出的比例给分，讲师专用的内容一概不会发布（见 `deploy/nbgrader/README.md`；完整流程已用空白、全对和部分完成三类学员测试）。

# %% [markdown] lang="en"
# The same view in a notebook: here for your own work folder (on the hub, point it at the
# folder `powermap collect` filled). Below it, the pre/post assessment: the room's gain per
# skill, once learners have taken both checks (modules 00b and 16).
# %% [markdown] lang="zh"
# 在笔记本里也能看到同样的进度表：这里读取的是你自己的工作文件夹（在培训服务器上，改为 `powermap collect` 收取到的文件夹）。下面是课前课后测评：学员完成两次小测（模块00b和16）后，这里会显示全班每项能力的提升。

# %%
room = work_path("")
pk.room_progress(room, cases={"it-solution": work_path("collected/it-solution")})

# %%
gains = pk.assessment_gains(room)
pk.gains_picture(gains) if len(gains) else gains

# %% [markdown] lang="en"
# ## Key points
#
# - Choose a track; a case never comes before the modules it needs. `make kit` prints the
#   schedule, handouts and slides; `trainer/notes/` has the notes for every module.
# - One account and one server per learner on JupyterHub; `make workshop` is the dry run.
# - Learners submit; the trainer collects with a role token; a learner cannot read another
#   learner's work (403), and nobody is skipped silently.
# - Follow the room with the dashboard and `powermap progress`; grade workbooks with nbgrader.
#
# ---
# [Previous: 13 Reviewing maps](13_coach_review.ipynb) · [Next: 15 Your own deal](15_your_own_deal.ipynb)

# %% [markdown] lang="zh"
# ## 要点回顾
#
# - 选定课程安排；案例一定排在它依赖的模块之后。`make kit` 生成日程、讲义和幻灯片；`trainer/notes/` 里有每个模块的讲师备注。
# - 在JupyterHub上每位学员一个账号、一台服务器；`make workshop` 用于预演。
# - 学员提交，讲师用角色令牌收取；学员读不到别人的作业（403），也不会有人被悄悄漏掉。
# - 用看板和 `powermap progress` 跟踪全班进度；用nbgrader批改练习册。
#
# ---
# [上一节：13 带教复盘](13_coach_review.ipynb) · [下一节：15 你自己的商机](15_your_own_deal.ipynb)

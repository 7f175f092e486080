# %% [markdown] lang="en"
# # 13 · Reviewing trainees' maps
#
# **Time:** 20 minutes teaching + 15 minutes exercises · **For:** trainers, sales managers
# and anyone who coaches sellers
#
# *Trainer module: it reads the answer keys and the sample maps. Where the trainer withholds the keys
# from learners (a shared server), leave it out of the learner copy and run it where the keys
# are (README: "Withholding the keys").*
#
# **Questions**
# - How do I review one trainee's map against the expert map?
# - How do I see a whole room's results and its common mistakes?
# - How do I score maps on a server, without a browser?
#
# **Objectives:** after this module you can
# - review a submission beside the expert map and pin comments to people and lines;
# - read a room's dashboard: the spread of scores, the criteria, the most-missed people;
# - score and analyse maps with `powermap score` and `powermap analyse`;
# - write feedback that points a trainee to the document, not to the answer.

# %% [markdown] lang="zh"
# # 13 · 带教复盘：点评学员的权力地图
#
# **时间：** 讲解20分钟＋练习15分钟 · **适用对象：** 讲师、销售经理以及所有带教销售的人
#
# *讲师模块：本模块要读取参考答案和样例地图。讲师不向学员开放答案时（例如共用服务器），学员版课程不含本模块，请在存放答案的机器上运行（见 README“Withholding the keys”一节）。*
#
# **本模块回答的问题**
# - 怎样对照专家地图，点评一位学员的地图？
# - 怎样看到全班的成绩和共性问题？
# - 在没有浏览器的服务器上，怎样给地图打分？
#
# **学完本模块，你能够**
# - 把学员提交的地图和专家地图并排对照，把点评钉在具体的人和关系线上；
# - 读懂全班看板：分数分布、各项评分标准、最常被漏掉的人；
# - 用 `powermap score` 和 `powermap analyse` 给地图打分、做分析；
# - 写出“指向资料、而不是直接给答案”的反馈。

# %% [markdown] lang="en" tags=["trainer"]
# ## Module 13 · facilitator notes
#
# **Sources:** seed 002 asks companies to train their teams regularly in building and using
# power maps (定期培训) and to share maps inside the team (团队协作).
#
# **Who it is for:** this module shows the expert map of the IT case in full. Run it after
# the room has submitted case 10, or with managers only.
#
# **Timing (35 min):** one map 10 · the room 10 · the command line 5 · exercise 10.
#
# **Key message:** comment on the reading, with the document that shows it; a room's
# common mistake is a teaching problem, not a trainee problem.
#
# **Common misconceptions:** "feedback = the right answer" (a trainee who is told the
# stance learns one fact; one who is sent back to doc 02 learns to read); ranking learners
# on the projector (use `hide_names=True`).

# %% [markdown] lang="zh" tags=["trainer"]
# ## 模块13 · 讲师备注
#
# **出处：** 种子002要求企业定期培训团队绘制和使用权力地图（定期培训），并在团队内部共享地图（团队协作）。
#
# **适用对象：** 本模块会完整展示IT案例的专家地图。请在全班提交案例10之后再讲，或只对经理们讲。
#
# **时间安排（35分钟）：** 单张地图10分钟 · 全班看板10分钟 · 命令行5分钟 · 练习10分钟。
#
# **核心信息：** 点评要针对“怎么读的资料”，并指出是哪份资料；全班的共性错误是教学问题，不是学员问题。
#
# **常见误区：** 以为“反馈就是给正确答案”（告诉学员一个态度，他只学到一个事实；让他回去重读资料02，他学会的是读资料）；在投影上给学员排名（请用 `hide_names=True` 隐去姓名）。

# %%
import powermap_kit as pk
from powermap_kit import cohort_summary, course, grade_cohort, learner_name, load_case, work_path
from powermap_kit.widgets import CohortDashboard, ReviewView

pk.set_language("{{lang}}")
case = load_case("it-solution")
submissions = case.folder / "submissions"

# %% [markdown] lang="en"
# ## Reviewing is coaching
#
# The person who reviews maps is a coach of sellers. (Do not confuse this with the coach
# inside the customer, the insider who guides us.) Regular training and maps shared inside
# the team are how a sales organisation keeps what it learns: the map shows how a seller
# reads a customer, and the expert map shows what a careful reader finds. The examples
# below use three sample maps of the IT case from earlier groups.

# %% [markdown] lang="zh"
# ## 点评就是带教
#
# 点评地图的人，是销售的带教人。（请勿和客户内部给我们指路的“教练”混淆。）定期培训、在团队内共享地图，是销售组织把经验留下来的方式：学员的地图反映他怎样读懂客户，专家地图展示细心的人能读出什么。下面的例子用的是往期学员在IT案例中画的三张样例地图。

# %% [markdown] lang="en"
# ## 1. One map at a time
#
# The review view shows the trainee's map beside the expert map, or laid over it: people
# the trainee missed are faded, wrong ratings outlined in red, extra people dashed. Click a
# person or a line and add a comment; comments are saved to a file of your own and the
# submission is never changed.

# %% [markdown] lang="zh"
# ## 1. 一次看一张图
#
# 点评视图把学员的地图和专家地图并排显示，或叠在一起：学员漏掉的人显示为淡色，判断有误的标红框，多出来的人用虚线。点击一个人或一条关系线即可写点评；点评另存为你自己的文件，学员提交的地图不会被改动。

# %%
review = ReviewView(case.submission_paths["typical"], case.key,
                    path=work_path("reviews/it-solution-typical.review.json"), reviewer=learner_name())
course.with_fallback(review, review.result)

# %% [markdown] lang="en"
# ### Exercise 1 (5 minutes): one comment that teaches
#
# Pin one comment to the person this trainee got most wrong. Say what to reconsider *and*
# which document shows it — "reread doc 02, the lost-deal review: who signed?" teaches more
# than "wrong". Compare comments with your neighbour: whose would you rather receive?

# %% [markdown] lang="zh"
# ### 练习1（5分钟）：写一条能教会人的点评
#
# 找出这位学员判断偏差最大的人，钉上一条点评：说明该重新考虑什么，**并且**指出是哪份资料——“重读资料02丢单复盘：最后是谁签的字？”比一句“错了”更能教会人。和旁边的同学交换看看：你更愿意收到谁的点评？

# %% [markdown] lang="en"
# ## 2. The whole room
#
# The dashboard scores every map in a folder: the distribution of totals, the mean per
# criterion and the most common mistakes. During a workshop, point it at the folder of
# collected maps (module 14); `hide_names=True` shows seat numbers instead of names on the
# projector.

# %% [markdown] lang="zh"
# ## 2. 全班一起看
#
# 看板会给一个文件夹里的所有地图打分：总分分布、各项评分标准的平均分、最常见的错误。培训现场把它指向收上来的地图所在的文件夹（见模块14）；投屏时用 `hide_names=True`，只显示座位号，不显示姓名。

# %%
dashboard = CohortDashboard(submissions, case.key, hide_names=True)
course.with_fallback(dashboard, grade_cohort(submissions, case.key)[["submission", "total"]])

# %% [markdown] lang="en"
# The same figures without a widget — here, the people missed most often:

# %% [markdown] lang="zh"
# 不用控件也能得到同样的数字——下面是最常被漏掉的人：

# %%
summary = cohort_summary(grade_cohort(submissions, case.key))
summary.missed_people.head(5)

# %% [markdown] lang="en"
# ## 3. From the command line
#
# On a server without a browser, the `powermap` command does the same. In a terminal you
# would type `powermap score --key key.json submissions`; here each command runs in the case
# folder and shows what it printed.

# %% [markdown] lang="zh"
# ## 3. 用命令行
#
# 在没有浏览器的服务器上，`powermap` 命令能做同样的事。在终端里输入`powermap score --key key.json submissions` 即可；这里每条命令都在案例文件夹中运行，并显示输出。

# %%
course.run_command("powermap score --key key.json submissions", cwd=case.folder)

# %% [markdown] lang="en"
# `--format html --out F` writes a report that opens offline; `--format csv` or `xlsx` gives a
# sheet for your records. `powermap analyse` reads one map as module 08 did — status, risks,
# routes and actions:

# %% [markdown] lang="zh"
# `--format html --out 文件名` 会生成一份可离线打开的报告；`--format csv` 或 `xlsx` 生成表格，方便存档。`powermap analyse` 像模块08那样分析一张地图——现状、风险、路径和行动：

# %%
course.run_command("powermap analyse submissions/typical.json --today 2026-05-20", cwd=case.folder)

# %% [markdown] lang="en"
# ### Exercise 2 (10 minutes): what do you teach again?
#
# Look at the most-missed people and the weakest criterion above. Is that a trainee problem
# or a teaching problem? Agree with your neighbour on one module you would revisit with the
# whole room, and on the question you would open it with.

# %% [markdown] lang="zh"
# ### 练习2（10分钟）：哪些内容要再讲一遍？
#
# 看看上面最常被漏掉的人和得分最低的评分项。这是学员的问题，还是教学的问题？和旁边的同学商定：要带全班回看哪一个模块，用什么问题开场。

# %% [markdown] lang="en"
# ## Key points
#
# - Review one map beside the expert map; comment on the reading, with the document that shows it.
# - A room's view shows what the room missed: teach that again, not only individual errors.
# - Everything works without a browser: `powermap score` and `powermap analyse`, with table,
#   JSON, CSV and HTML output.
# - Comments and reports never change a trainee's map; on the projector, hide the names.
#
# ---
# [Previous: 12 Dynamic change](12_dynamic_change.ipynb) · [Next: 14 Trainer guide](14_trainer_guide.ipynb)

# %% [markdown] lang="zh"
# ## 要点回顾
#
# - 把学员地图和专家地图并排点评；点评针对读资料的方式，并指明出处。
# - 全班视图揭示全班共同的盲点：要重讲的是这些，而不只是纠正个人错误。
# - 没有浏览器也能完成：`powermap score` 和 `powermap analyse` 支持表格、JSON、CSV和HTML输出。
# - 点评和报告不会改动学员的地图；投屏时隐去姓名。
#
# ---
# [上一节：12 动态变化](12_dynamic_change.ipynb) · [下一节：14 讲师指南](14_trainer_guide.ipynb)

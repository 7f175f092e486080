# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown] lang="en"
# # 05 · Support: how far is each person on our side? (客户支持度)
#
# **Time:** 25 minutes teaching + 20 minutes exercises
#
# **Questions**
# - How do I say how far someone supports us without guessing?
# - What do I look at to judge support?
# - Why is a friendly person not always worth much, and a neutral one sometimes worth a lot?
#
# **Objectives:** after this module you can
# - place a person on one of four levels of support, or mark them *unknown* when you have not found out;
# - rate a person on the five dimensions of support, from what you have seen;
# - read support together with power, and name the three kinds of personal trust.

# %% [markdown] lang="zh"
# # 05 · 支持度：每个人站在我们这边有多远？
#
# **时长：** 讲解 25 分钟 + 练习 20 分钟
#
# **本课回答的问题**
# - 怎样说清一个人对我们的支持程度，而不是凭感觉猜？
# - 判断支持度，要看哪些方面？
# - 为什么对我们友好的人不一定有分量，而态度中立的人有时反而举足轻重？
#
# **学完本课，你能够**
# - 把一个人放进支持度的四个层级之一；还没摸清的，标为“未知”；
# - 根据看到的事实，从五个维度给一个人的支持度打分；
# - 把支持度和权力放在一起看，并说出个人信任的三个维度。

# %%
import powermap_kit as pk
from powermap_kit import course, work_path
from powermap_kit.course import worked
from powermap_kit.widgets import Exercise, SupportAssessor, choose_each

pk.set_language("{{lang}}")
beichen = worked.example_map("05_beichen")

# %% [markdown] lang="en" tags=["trainer"]
# ## Facilitator notes: module 05 at a glance
#
# **Timing (45 min):** four levels and one gap 8 · exercise 1 (stance from evidence) 8 · five dimensions 7 · rating Wei Hong 8 · exercise 2 (ratings → level) 6 · support with power and trust 5 · discuss and key points 3.
#
# **Key message:** support is a judgement from evidence, not a feeling; where there is no evidence the answer is *unknown*, never a polite *neutral*.
#
# **Sources:** seed 003 unit 3 asks to quantify support on "4个层级" and "5个评价维度" but does not name the four levels; the names (oppose, neutral, support, champion) are ours, in line with the support / neutral / oppose of seeds 002 and 004. Of the five dimensions seed 003 names two: influence (决策角色的影响力) and recognition of our solution (对解决方案的认可度). Trust, willingness to cooperate and contact frequency are our additions (seed 003 mentions 合作意愿、沟通频率、信任程度 in a garbled list it calls the four levels). The 1–5 scale and the weights are ours. The three kinds of personal trust are seed 003 unit 4; 职业信任 is defined there as trust won through expertise and industry experience.

# %% [markdown] lang="zh" tags=["trainer"]
# ## 讲师备注：第05课概览
#
# **时间安排（45分钟）：** 四个层级和一个空白 8 · 练习一（根据事实判断态度）8 · 五个维度 7 · 给魏红打分 8 · 练习二（从评分到层级）6 · 支持度与权力、信任 5 · 讨论与要点 3。
#
# **核心信息：** 支持度是根据证据做出的判断，不是感觉；没有证据时答案是“未知”，绝不是客气的“中立”。
#
# **出处：** 种子003第三单元要求按“4个层级”和“5个评价维度”量化支持度，但没有给出四个层级的名称；反对、中立、支持、力挺这四个名称是我们定的，与种子002、004的“支持／中立／反对”一致。五个维度中，种子003只点名了两个：决策角色的影响力、对解决方案的认可度。信任程度、合作意愿、沟通频率是我们补充的（种子003在一段把它们称作“四个层级”的混乱文字里提到过这几个词）。1–5分的刻度和权重也是我们定的。个人信任的三个维度出自种子003第四单元，其中“职业信任”定义为通过专业知识和行业经验赢得的信任。

# %% [markdown] lang="en"
# ## Four levels and one gap
#
# To say how far someone is on our side, we use four **levels of support** (支持度层级): **opposes us** (反对: a blocker, often backing a competitor), **neutral** (中立), **supports us** (支持) and **champions us** (力挺: argues for us inside the customer).
#
# A fifth value is not a level: **unknown** (未知). It means we have not found out yet.

# %% [markdown] lang="zh"
# ## 四个层级和一个空白
#
# 判断一个人站在我们这边有多远，我们用四个**支持度层级**：**反对**（阻挠我们，往往支持竞争对手）、**中立**、**支持**、**力挺**（在客户内部主动为我们争取）。
#
# 还有第五个值，但它不是层级：**未知**，意思是我们还没有摸清。

# %%
course.support_levels_table()

# %% [markdown] lang="en"
# ## Unknown is not neutral
#
# *Neutral* is a finding: we have met the person, they have said or done something, and it leans to nobody. *Unknown* is the honest answer when we have no contact and no signal. A handshake and "send me something" is a courtesy, not a stance.
#
# Why it matters: a map full of polite neutrals looks finished and hides exactly the people we have not reached. An unknown stays visible as a gap to close.

# %% [markdown] lang="zh"
# ## 未知不是中立
#
# “中立”是一个结论：我们见过这个人，他说过或做过什么，而且不偏向任何一方。“未知”是在没有接触、没有信号时的诚实回答。握个手、说一句“发点资料给我”，只是客套，不是表态。
#
# 为什么要分清：一张满是“客气的中立”的地图看上去很完整，恰恰把我们还没接触到的人藏了起来。标成“未知”，这个空白就一直摆在那里，提醒我们去补。

# %% [markdown] lang="en"
# ### Exercise 1 (8 minutes): a stance from what you have seen
#
# Six people from different deals. For each, choose the stance that what we have seen supports. Press **Check**: the feedback tells you which ones to look at again and why.

# %% [markdown] lang="zh"
# ### 练习一（8分钟）：根据看到的事实判断态度
#
# 下面是来自不同项目的六个人。根据我们实际看到的情况，为每个人选择一个态度，然后点**检查**：反馈会告诉你哪几个需要再想想、该想什么。

# %%
Exercise("05.stance", worked.check_stance_items, choose_each(worked.stance_items(), "stance"))

# %% [markdown] lang="en" tags=["trainer"]
# **Exercise 1, what to listen for.** The common mistake is the CEO at the trade fair rated *neutral* or even *support* ("he was friendly"). Ask: "What has he done for or against us?" Nothing: so *unknown*. The plant manager is the genuine *neutral*: contact, a statement, no lean. The quality manager is *support*, the engineering lead *champion*: the difference is action inside the customer. The finance controller is *oppose*: she acted for the competitor.
#
# **Ahead:** ask pairs to invent a seventh person who is easy to mistake for neutral. **Behind:** do the CEO and the plant manager together in plenary and leave the rest for the workbook.

# %% [markdown] lang="zh" tags=["trainer"]
# **练习一，听什么。** 最常见的错误是把展会上握手的总裁评成“中立”甚至“支持”（“他挺客气的”）。追问：“他为我们做过什么，或者做过什么不利于我们的事？”没有，所以是“未知”。厂长才是真正的“中立”：有接触、有表态、不偏向。质量经理是“支持”，工程部负责人是“力挺”：区别在于有没有在客户内部行动。财务主管是“反对”：她在为竞争对手出力。
#
# **进度快：** 请每组再编一个容易被误判为中立的人。**进度慢：** 全班一起做总裁和厂长两题，其余留到练习册。

# %% [markdown] lang="en"
# ## Five dimensions
#
# To judge a level, look at five **dimensions of support** (支持度评价维度), each rated 1–5:
#
# - two come from the course this module is built on: the person's **influence** (影响力) and their **recognition of our solution** (方案认可度);
# - three are our additions, because salespeople need them to tell the levels apart: **trust** in us (信任程度), **willingness to cooperate** (合作意愿) and **contact frequency** (沟通频率).
#
# The support score is the weighted mean of the rated dimensions, on 0–100. Influence has weight 0 on purpose: it says how much a person's view *weighs*, not which way it points. A dimension you cannot rate stays empty; with fewer than two rated, the level is *unknown*.

# %% [markdown] lang="zh"
# ## 五个维度
#
# 判断层级时，要看**支持度的五个评价维度**，每个维度按1–5分打分：
#
# - 其中两个出自本课程所依据的原始课程：此人的**影响力**、对我们**方案的认可度**；
# - 另外三个是我们补充的，因为销售需要靠它们区分各层级：对我们的**信任程度**、**合作意愿**和**沟通频率**。
#
# 支持度得分是已打分维度的加权平均，折算成0–100分。影响力的权重故意设为0：它说明此人的意见有多“重”，而不是偏向哪一边。没有依据的维度留空；打分的维度少于两个时，层级就是“未知”。

# %%
course.support_dimensions_table()

# %% [markdown] lang="en"
# ## Rate a person from the evidence
#
# Beichen Medical Devices is choosing a quality management system. Wei Hong (魏红), the quality manager, evaluates the offers. What we know about her:
#
# - after our test run she said the data "convinced" her;
# - she agreed to a second workshop with her team and set the date herself;
# - we have met her three times in two months;
# - she has not yet spoken for us in the management meeting.
#
# Move the sliders to your ratings, leave a dimension "not rated" if the evidence says nothing, and press **Record assessment**.

# %% [markdown] lang="zh"
# ## 根据证据打分
#
# 北辰医疗器械正在选型质量管理系统。质量部经理魏红负责评估各家方案。我们掌握的情况：
#
# - 看完我们的测试运行后，她说数据“说服了”她；
# - 她同意带团队再开一次研讨会，日期是她自己定的；
# - 两个月里我们见过她三次；
# - 她还没有在管理层会议上替我们说过话。
#
# 拖动滑块给出你的评分；证据没有涉及的维度，选“未评分”；然后点**记录评估**。

# %%
assessor = SupportAssessor(beichen, person="wei_hong", path=work_path("{learner}_answers.jsonl"))
course.with_fallback(assessor, course.support_dimensions_table())

# %% [markdown] lang="en" tags=["trainer"]
# **Rating Wei Hong.** Expect solution fit 4, cooperation 4, trust 3, contact 3; influence 3 does not move the score. The level is *support*, not *champion*: she has not argued for us yet. If learners rate trust 5 "because she likes the data", ask what she has risked for us: nothing yet. Professional trust (职业信任) is not the same as liking our data.

# %% [markdown] lang="zh" tags=["trainer"]
# **给魏红打分。** 参考评分：方案认可度4、合作意愿4、信任程度3、沟通频率3；影响力3不影响得分。层级是“支持”而不是“力挺”：她还没有替我们争取过。如果学员因为“她认可数据”就把信任打成5分，问他：她为我们承担过什么？还没有。认可我们的数据，不等于已经建立了职业信任。

# %% [markdown] lang="en"
# ### Exercise 2 (6 minutes): from ratings to a level
#
# Five rating profiles. For each, work out the level the ratings give from the weights and the score bands above, then check.

# %% [markdown] lang="zh"
# ### 练习二（6分钟）：从评分到层级
#
# 下面是五份评分档案。根据上面的权重和分数段，算出每份评分对应的层级，然后检查。

# %%
course.support_profiles()

# %%
Exercise("05.levels", course.check_support_levels,
         choose_each(list(course.SUPPORT_PROFILES), "stance"))

# %% [markdown] lang="en"
# ## Support with power
#
# Support alone misleads. At Beichen, Xia Bo (夏波) calls us every week and praises our software, but as a process engineer he has little power; the finance director, Yan Li (严丽), has much more and leans to the current supplier, and we know nothing yet of the deputy general manager who signs. The picture below places people by **power** and **stance**: a second view we add to the power matrix you will meet in module 08, which weighs power against influence to decide whom to contact first.

# %% [markdown] lang="zh"
# ## 支持度要和权力一起看
#
# 只看支持度会误导人。在北辰，工艺工程师夏波每周都给我们打电话、夸我们的软件，可他手里没什么权力；财务总监严丽权力大得多，却偏向现在的供应商；负责签字的副总经理，我们还一无所知。下图按**权力**和**态度**摆放每个人：这是我们补充的第二个视角。第08课的权力矩阵用的是权力与影响力，用来决定先接触谁。

# %%
course.matrix_picture(beichen)

# %% [markdown] lang="en"
# ## Raising support: three kinds of personal trust
#
# Support grows with trust. The course this module draws on names three kinds of trust a key person can place in you:
#
# - **professional trust** (职业信任): trust you win through your expertise and industry experience;
# - **expertise trust** (专业信任): trust in what our product or service can do for their problem;
# - **position trust** (立场信任): trust that you understand their needs and position and look for a result good for both.
#
# Module 09 turns these into actions.

# %% [markdown] lang="zh"
# ## 提升支持度：个人信任的三个维度
#
# 支持度随信任增长。本课程依据的原始课程把关键人对你的个人信任分为三个维度：
#
# - **职业信任**：通过你的专业知识和行业经验赢得的信任；
# - **专业信任**：相信我们的产品或服务能解决他的问题；
# - **立场信任**：相信你理解他的需求和处境，追求双赢。
#
# 第09课会把它们落到具体行动上。

# %% [markdown] lang="en"
# ## Discuss
#
# Whom in your own deals have you rated *neutral* when the truth is *unknown*? What would it take to find out this week? Xia Bo champions us: what is his support worth, and how could it help you reach Yan Li?

# %% [markdown] lang="zh"
# ## 讨论
#
# 在你自己的项目里，有没有把其实是“未知”的人评成了“中立”？这周要怎样才能摸清？夏波力挺我们：他的支持值多少？他能怎样帮你接近严丽？

# %% [markdown] lang="en" tags=["trainer"]
# **Discussion, expected answers.** Most rooms find two or three "neutrals" per deal that are really unknowns, typically finance and top management; the way to find out is a first contact through someone who knows them, or a second channel (module 06). Xia Bo's support is worth information and a route: he can tell us what the quality team discusses and who talks to finance, but his vote carries little weight.

# %% [markdown] lang="zh" tags=["trainer"]
# **讨论参考答案。** 多数学员会发现每个项目里都有两三个“中立”其实是“未知”，通常是财务和高层；摸清的办法是通过认识他们的人做第一次接触，或者换一个渠道核实（第06课）。夏波的支持价值在于信息和路径：他能告诉我们质量团队在讨论什么、谁和财务走得近，但他的一票分量很轻。

# %% [markdown] lang="en"
# ## Key points
#
# - Four levels of support: opposes, neutral, supports, champions; *unknown* is a gap to close, never a polite neutral.
# - Five dimensions: influence and recognition of our solution (from the original course), trust, willingness to cooperate and contact frequency (ours); rate only what the evidence shows.
# - The support score weighs four of them; influence says how much a view weighs, not which way it points.
# - Friendly is not powerful: read support together with power.
# - Professional trust is won through expertise and industry experience.
#
# More practice: [05 workbook](../../exercises/{{lang}}/05_support_exercises.ipynb)
#
# ---
# [Previous: 04 Decision chain](04_decision_chain.ipynb) · [Next: 06 Intelligence and the coach](06_intelligence_and_coach.ipynb)

# %% [markdown] lang="zh"
# ## 要点
#
# - 支持度四个层级：反对、中立、支持、力挺；“未知”是要补上的空白，绝不是客气的“中立”。
# - 五个维度：影响力、方案认可度（出自原始课程），信任程度、合作意愿、沟通频率（我们补充的）；只按证据打分。
# - 支持度得分只计其中四个维度；影响力说明意见有多重，不说明偏向哪边。
# - 友好不等于有权：支持度要和权力一起看。
# - 职业信任靠专业知识和行业经验赢得。
#
# 更多练习：[05 练习册](../../exercises/{{lang}}/05_support_exercises.ipynb)
#
# ---
# [上一课：04 决策链](04_decision_chain.ipynb) · [下一课：06 情报系统与教练](06_intelligence_and_coach.ipynb)

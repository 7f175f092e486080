# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown] lang="en"
# # 06b · Intelligence toolkit: gaps, questions, suggestions, the fishbone *(optional)*
#
# **Time:** 15 minutes teaching + 10 minutes exercise · optional, after module 06
#
# **Questions**
# - What do we still not know about this deal, and who could tell us?
# - What should I ask each person, and how?
# - How can a tool suggest roles and stances without deciding for me?
#
# **Objectives:** after this module you can
# - run the intelligence checklist on a map and explain what counts as complete;
# - spot what is missing about a person by reading their record, before any tool tells you;
# - pick the channel and the questions that fill a gap;
# - judge a suggestion by its reason before accepting it, and read the decision chain as a fishbone.
#
# We work on a colleague's first map of Qinghe Water Group, the deal of module 06.

# %% [markdown] lang="zh"
# # 06b · 情报工具箱：缺口、提问、建议与鱼骨图（选学）
#
# **时长：** 讲解 15 分钟 + 练习 10 分钟 · 选学内容，在第06课之后
#
# **本课回答的问题**
# - 关于这个项目，我们还有什么不知道？谁能告诉我们？
# - 对每个人该问什么、怎么问？
# - 工具怎样给出角色和态度的建议，而又不替我做决定？
#
# **学完本课，你能够**
# - 用情报清单检查一张地图，并说明怎样才算完整；
# - 在工具提示之前，通过阅读一个人的记录发现缺了什么；
# - 为一个缺口选择合适的渠道和问题；
# - 先看理由再决定是否采纳建议，并用鱼骨图阅读决策链。
#
# 我们使用同事画的第一版清河水务集团地图，也就是第06课的那个项目。

# %%
import powermap_kit as pk
from IPython.display import HTML

from powermap_kit import course, intel, render
from powermap_kit.course import worked
from powermap_kit.widgets import Exercise, IntelPanel, pick

pk.set_language("{{lang}}")
pm = worked.example_map("06_qinghe_water")

# %% [markdown] lang="en" tags=["trainer"]
# ## Facilitator notes: module 06b at a glance
#
# **Timing (25 min):** the checklist 4 · channels, with Tang Min as the worked example 3 · exercise (Zhong Lan's gaps) 6 · question bank 4 · suggestions 4 · fishbone and panel 4.
#
# **Key message:** a gap is a task with a channel and a question, never a guess to fill in.
#
# **Sources:** the kinds of intelligence and the six channels are seed 003 unit 1; the four methods (访谈法、问卷调查、观察法、数据分析) are seed 001; the fishbone (鱼骨图) and automatic recommendation of key decision makers (自动识别和推荐关键决策人) are seed 002. The completeness rule and the suggestions are ours.
#
# **Use it when** the room is ahead after module 06, or as homework. **Skip it** in the one-day track.

# %% [markdown] lang="zh" tags=["trainer"]
# ## 讲师备注：第06b课概览
#
# **时间安排（25分钟）：** 情报清单 4 · 渠道（以汤敏为示例）3 · 练习（钟岚的缺口）6 · 问题库 4 · 建议 4 · 鱼骨图与情报面板 4。
#
# **核心信息：** 缺口是一项任务，有渠道、有问题；绝不是拿猜测去填的空格。
#
# **出处：** 情报的种类和六个渠道出自种子003第一单元；四种方法（访谈法、问卷调查、观察法、数据分析）出自种子001；鱼骨图和“自动识别和推荐关键决策人”出自种子002。完整度规则和建议功能是我们设计的。
#
# **适用场景：** 第06课后学员进度快时，或作为课后作业。一天版课程**跳过**本课。

# %% [markdown] lang="en"
# ## 1. The checklist
#
# The intelligence checklist turns each kind of intelligence into checks about the deal and about every person. A missing item is a *gap*, never a guess. Key people (decision makers and approvers) count double. The rule is printed with the result:

# %% [markdown] lang="zh"
# ## 1. 情报清单
#
# 情报清单把每一类情报变成针对项目、针对每个人的检查项。缺少的项就是“缺口”，绝不能拿猜测来填。关键人物（决策者和审批者）的缺口按双倍计算。检查规则与结果一起显示：

# %%
report = intel.intelligence_gaps(pm)
print(report.summary())
print(report.rule())
report.sections_frame()

# %% [markdown] lang="en"
# ## 2. Where to look: a channel for every gap
#
# Each gap names the channels best suited to fill it, best first. The internal coach counts only once someone on the map is flagged as coach, and never for a gap about the coach themself. Here are the gaps for Tang Min (汤敏), the colleague's coach:

# %% [markdown] lang="zh"
# ## 2. 去哪里找：每个缺口都有对应的渠道
#
# 每个缺口都列出最适合填补它的渠道，最好的排在前面。只有地图上有人被标为教练时，“内部教练”这个渠道才算数；关于教练本人的缺口，不能靠教练来填。下面是同事标为教练的汤敏的缺口：

# %%
report.frame("tang")

# %% [markdown] lang="en"
# ### Exercise (6 minutes): what is still missing about Zhong Lan?
#
# Here is Zhong Lan's (钟岚) record on the colleague's map, and nothing else. Read it against the checklist and pick every item still missing about her. Press **Check**.

# %% [markdown] lang="zh"
# ### 练习（6分钟）：关于钟岚，还缺什么？
#
# 下面只给出同事地图上钟岚的记录。对照情报清单，选出关于她还缺的每一项，然后点**检查**。

# %%
worked.person_record(pm, "zhong")

# %%
Exercise("06b.gaps", lambda a: course.check_gaps_answer(pm, "zhong", a), pick(worked.person_gap_options()))

# %% [markdown] lang="en" tags=["trainer"]
# **Exercise, expected answer:** reporting line, needs, personal motives, support dimensions and evidence for the stance. The most useful miss to discuss is the evidence: the colleague marked Zhong Lan "supports us" on nothing recorded. After module 05 that should be *unknown* until someone has spoken to her, which is exactly what the suggestions in section 4 say.

# %% [markdown] lang="zh" tags=["trainer"]
# **练习参考答案：** 汇报关系、需求、个人动机、支持度评价维度、态度的依据。最值得讨论的是“依据”：同事把钟岚标为“支持”，却没有任何记录。按第05课的说法，在有人和她谈过之前，这应该是“未知”，第4节的建议说的正是这一点。

# %% [markdown] lang="en"
# ## 3. What to ask: the question bank
#
# Four ways to learn about a customer's people and needs: **interview** (访谈法), **questionnaire** (问卷调查), **observation** (观察法) and **data analysis** (数据分析). For every gap the bank holds questions, role-specific ones first, and says whom to ask: the person, an insider such as the coach, or our own team.

# %% [markdown] lang="zh"
# ## 3. 问什么：问题库
#
# 了解客户人员和需求有四种方法：**访谈法**、**问卷调查**、**观察法**、**数据分析**。问题库为每个缺口准备了问题，与角色相关的排在前面，并注明该问谁：本人、教练这样的内部人士，还是我们自己的团队。

# %%
for q in intel.questions_for(pm, "zhong")[:6]:
    print(f"[{q.method_label()} · {q.ask_label()}] {q.text(name=pm.stakeholder('zhong').name)}")

# %% [markdown] lang="en"
# ## 4. Suggestions you can check
#
# The toolkit can suggest roles from titles, a likely decision maker, and stances to reconsider. Every suggestion carries its rule and its reason, and **nothing changes until you accept it**. Read the reasons: which would you accept, and what would you check first?

# %% [markdown] lang="zh"
# ## 4. 可以核对的建议
#
# 工具箱可以根据职务建议角色、推测可能的决策者、提示需要重新考虑的态度。每条建议都附有规则和理由，**在你采纳之前，地图不会有任何改动**。读一读这些理由：你会采纳哪几条？采纳之前先核实什么？

# %%
for n, s in enumerate(intel.suggestions(pm), 1):
    print(f"{n}. {s.action()}\n   {s.why()}\n")

# %% [markdown] lang="en"
# ## 5. The decision chain as a fishbone (鱼骨图)
#
# The decision sits at the head; one bone per role group leaves the spine: approver and decision maker nearest the head, then evaluators and influencers, then purchaser and users. Each person is a tick coloured by stance; a hollow grey dot is a stance still unknown; a dashed bone is a role nobody holds yet.

# %% [markdown] lang="zh"
# ## 5. 用鱼骨图看决策链
#
# 决策放在鱼头；每类角色是从主骨伸出的一根鱼刺：审批者和决策者离鱼头最近，其次是评估者和影响者，再往后是采购执行者和用户。每个人是一个按态度着色的刻度；空心灰点表示态度仍未知；虚线鱼刺表示这个角色还没有人担任。

# %%
HTML(render.fishbone_html(pm))

# %% [markdown] lang="en"
# ## 6. Everything together: the intelligence panel
#
# Pick a person in the list, or click them on the map, to see their gaps, the questions that fill them and the suggestions about them. Tick a question when you have learned the answer: ticks are saved in your work folder.

# %% [markdown] lang="zh"
# ## 6. 汇总：情报面板
#
# 在列表中选择一个人，或在地图上点击他，就能看到他的缺口、可以用来填补的问题，以及关于他的建议。弄清答案后就勾选该问题：勾选记录保存在你的工作文件夹里。

# %%
panel = IntelPanel(pm)
panel.select("zhong")
course.with_fallback(panel, report.frame("zhong"))

# %% [markdown] lang="en" tags=["trainer"]
# **Misconceptions.** "The checklist score is the quality of the deal": it measures what we know, not how well we stand; a complete map can show a lost deal. "Accept every suggestion": a suggestion from a title ("财务" → evaluator) is a hypothesis; Zhong Lan's role should come from what she does in the budget review, not from her title.
#
# **Discussion, expected answers.** Accept "unknown" for Zhong Lan unless someone has spoken to her about us; to keep "supports us" you would need her own words or actions (she asked about the five-year cost, which shows interest, not support). Channel: the allied customer she came from, or a first conversation arranged through Tang Min.
#
# **Room behind:** stop after the exercise and show the panel only. **Room ahead:** let pairs accept or reject each suggestion and defend the choice.

# %% [markdown] lang="zh" tags=["trainer"]
# **常见误区。** “清单得分就是项目的好坏”：它衡量的是我们知道多少，而不是我们处境多好；一张完整的地图也可能显示一个要输的单。“建议全部采纳”：根据职务（“财务”→评估者）给出的建议只是假设；钟岚的角色应当看她在预算评审中做什么，而不是看职务名称。
#
# **讨论参考答案。** 除非有人就我们的方案和钟岚谈过，否则应当接受“未知”；要保留“支持”，需要她本人的话或行动（她问了五年总成本，说明感兴趣，不等于支持）。渠道：她来自的那家同盟关系客户，或者通过汤敏安排第一次交流。
#
# **进度慢：** 做完练习后只演示情报面板。**进度快：** 让每组逐条决定采纳还是拒绝建议，并说明理由。

# %% [markdown] lang="en"
# ## Discuss
#
# The suggestions propose setting Zhong Lan's stance to *unknown*. Would you accept? What would you need to see to keep "supports us", and which channel would you use to get it?
#
# ## Key points
#
# - An intelligence system is a checklist, not a feeling: each gap comes with the channel best suited to fill it.
# - Read a person's record against the checklist yourself before any tool does.
# - Ask with purpose: interview and questionnaire questions chosen for the role and the gap.
# - A suggestion is a hypothesis with a reason: accept only what the evidence supports.
# - The fishbone shows at a glance which bones of the decision chain are empty or hostile.
#
# ---
# [Previous: 06 Intelligence and the coach](06_intelligence_and_coach.ipynb) · [Next: 07 Building a map](07_building_a_map.ipynb)

# %% [markdown] lang="zh"
# ## 讨论
#
# 系统建议把钟岚的态度改为“未知”。你会采纳吗？要保留“支持”，你需要看到什么？你会通过哪个渠道去获取？
#
# ## 要点
#
# - 情报系统是一张清单，不是一种感觉：每个缺口都配有最适合的渠道。
# - 先自己对照清单读一个人的记录，再看工具的提示。
# - 有目的地提问：按角色和缺口挑选访谈和问卷问题。
# - 建议只是带理由的假设：只采纳有证据支持的建议。
# - 鱼骨图一眼就能看出决策链上哪根鱼刺是空的、哪根是敌对的。
#
# ---
# [上一课：06 情报系统与教练](06_intelligence_and_coach.ipynb) · [下一课：07 绘制权力地图](07_building_a_map.ipynb)

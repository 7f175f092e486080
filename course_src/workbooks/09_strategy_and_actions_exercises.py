# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown] lang="en"
# # 09 · Workbook: Strategy and actions
#
# **Time:** about 30 minutes · **Goes with:** [notebook 09](../../notebooks/{{lang}}/09_strategy_and_actions.ipynb)
#
# Four tasks that take notebook 09 further at Huachuan Cold Chain: the next relationship step
# for three more people, three more channel choices, who meets the CFO, and a visit plan for
# VP Operations Shao Liqun. Answer with the lists and text boxes, then press **Check**. Your
# answers are saved.

# %% [markdown] lang="zh"
# # 09 · 练习册：策略与行动
#
# **时间：** 约30分钟 · **配套单元：** [第09单元](../../notebooks/{{lang}}/09_strategy_and_actions.ipynb)
#
# 围绕华川冷链，把第09单元再往前推一步，共四道题：再为三个人选出下一个关系步骤，再做三次渠道选择，决定派谁去见财务总监，以及为运营副总裁邵立群准备一次拜访。用下拉框和文本框作答，再点击**检查**；系统会自动保存答案。

# %%
import powermap_kit as pk
from powermap_kit import course
from powermap_kit.course import engagement as eg
from powermap_kit.widgets import Exercise, choose, choose_each, text_fields

pk.set_language("{{lang}}")
pm = eg.example("09_huachuan_cold_chain")

# %% [markdown] lang="en"
# ## Task 1: three more people
#
# Where do we stand with each of them, and what is the next step?

# %% [markdown] lang="zh"
# ## 第一题：再看三个人
#
# 我们和他们的关系走到了哪一步？下一步做什么？

# %%
eg.known_table(pm, ["yu", "min", "qi"])

# %%
ex_steps = Exercise("09w.steps", lambda a: eg.check_steps(pm, a, ["yu", "min", "qi"]),
                    choose_each(eg.people_items(pm, ["yu", "min", "qi"]), eg.step_options()))
ex_steps

# %% tags=["solution"]
ex_steps.form.set({"yu": "get_information", "min": "understand_needs", "qi": "get_information"})
assert ex_steps.check().ok
ex_steps.result

# %% [markdown] lang="en"
# ## Task 2: three more channels

# %% [markdown] lang="zh"
# ## 第二题：再选三次渠道

# %%
ex_channels = Exercise("09w.channels", lambda a: eg.check_channels(a, "workbook"),
                       choose_each(eg.channel_items("workbook"), eg.channel_options()))
ex_channels

# %% tags=["solution"]
ex_channels.form.set({"c5": "email", "c6": "phone", "c7": "executive"})
assert ex_channels.check().ok
ex_channels.result

# %% [markdown] lang="en"
# ## Task 3: who meets the CFO?
#
# CFO Dai Wenjing will sign the budget line only after someone she sees as a peer has confirmed
# the savings in our penalty model. Which proposal do you put to your manager?

# %% [markdown] lang="zh"
# ## 第三题：派谁去见财务总监？
#
# 财务总监戴文静只有在她认可的同级人物确认了罚金测算里的节省金额之后，才会在预算上签字。你会向领导提哪个方案？

# %%
ex_pairing = Exercise("09w.pairing", lambda a: eg.check_pairing(a, "dai"), choose(eg.pairing_options("dai")))
ex_pairing

# %% tags=["solution"]
ex_pairing.form.set("finance")
assert ex_pairing.check().ok
ex_pairing.result

# %% [markdown] lang="en"
# ## Task 4: prepare the visit to Shao Liqun
#
# You will meet VP Operations Shao Liqun one to one before the approval meeting. Look at the
# five parts of preparing an important visit, then write four of them down, each in a sentence
# a colleague could act on: what she needs, the goal of the visit tied to those needs, the
# action commitment you will ask her for (something she does), and the next step with a date.

# %% [markdown] lang="zh"
# ## 第四题：准备拜访邵立群
#
# 立项会之前，你要和运营副总裁邵立群单独见一次面。先看看准备重要拜访的五个部分，再写下其中四项，每项一句同事拿去就能执行的话：她的需求、与这些需求挂钩的拜访目的、你要争取的行动承诺（由她来做的事），以及写明日期的下一步。

# %%
course.visit_preparation()

# %%
ex_visit = Exercise("09w.visit", lambda a: course.check_visit_plan(a, person=eg.people_items(pm)["shao"]["{{lang}}"]),
                    text_fields(eg.visit_fields(), multiline=True))
ex_visit

# %% tags=["solution"]
plans = dict(
    en={
        "assumed_needs": "Shao Liqun needs a plan the GM will dare to sign: no audit failures with the pharma client, "
                         "and this year's spending under control.",
        "visit_goal": "Settle Shao Liqun's concern about rollout timing and the audit risk, so that she can recommend "
                      "the phased plan.",
        "commitment": "Shao Liqun agrees to put the phased plan to the GM as her recommendation at the approval meeting.",
        "next_step": "Send her the one-page phased plan by Friday 12 December; the approval meeting is on 15 December.",
    },
    zh={
        "assumed_needs": "邵立群要在立项会上拿出一个总经理敢签的方案：医药客户审核零差错，今年投入可控。",
        "visit_goal": "解决邵立群对上线时间和审核风险的顾虑，让她能够推荐分期方案。",
        "commitment": "邵立群同意在立项会上把分期方案作为推荐方案报给总经理。",
        "next_step": "12月12日（周五）前把一页纸的分期方案发给她；12月15日开立项会。",
    },
)
ex_visit.form.set(plans["{{lang}}"])
ex_visit.check()

# %% [markdown] lang="en" tags=["trainer"]
# **Facilitator notes (workbook 09).** Task 1: Yu Xiaoyan → get information (one polite call
# so far); Min Tao → understand needs (frequent contact and one-to-ones at the fleet yard, but
# we do not know what matters to him); Qi Hongmei → get information (regular email, but she
# shares nothing). Task 2: the shared record of the pilot scope → email; a sensor dropping out
# at night → phone; the CFO's peer → executive. Task 3: our finance director with the account
# manager. Task 4: look for a commitment the customer makes, tied to her needs, with a date;
# "she likes us more" is not a goal. *Sources:* seed 003 units 4–6 (steps, visit preparation,
# executive relationships), seed 004 (channels).

# %% [markdown] lang="zh" tags=["trainer"]
# **讲师备注（练习册09）。** 第一题：俞晓燕→获取信息（目前只通过一次客气的电话）；闵涛→了解需求（接触频繁，也在车队单独交流过，但还不知道他自己最看重什么）；祁红梅→获取信息（定期邮件往来，但她什么都不透露）。第二题：试点范围的共同书面记录→邮件；夜间传感器掉线→电话；财务总监要的同级人物→高层对接。第三题：我方财务总监和客户经理一起去。第四题：看拜访目的是不是客户做出的、与她的需求相关、有日期的承诺；“让她更喜欢我们”不是目的。*出处：* 种子003第四至第六单元（关系步骤、拜访准备、高层关系），种子004（沟通渠道）。

# %% [markdown] lang="en"
# [Back to notebook 09](../../notebooks/{{lang}}/09_strategy_and_actions.ipynb)

# %% [markdown] lang="zh"
# [返回第09单元](../../notebooks/{{lang}}/09_strategy_and_actions.ipynb)

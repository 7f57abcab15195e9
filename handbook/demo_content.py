"""Demo pages for the staff practice handbook: our model of practice, the tools we use, and how we learn.

Each page is a dict; PAGES lists the "model" pages first, then the "tool" pages, then the "learning" pages.
"""

PAGES = [
    # ------------------------------------------------------------------ model
    {
        "slug": "our-vision",
        "kind": "model",
        "title": "Our vision and ethos",
        "summary": "Why relationships sit at the heart of how we work, and what that asks of you and of the service.",
        "body": """We are a small service. We know many of the families we work with well, and they often know us. That gives us a chance that larger councils rarely have: to build real, lasting working relationships with children, young people and their carers. Our whole approach is built on that chance.

## Relationships come first

Our ethos is relationship-based practice. In plain terms, we believe that the bond between you and a family matters more than any form, tool or procedure.

The relationship does two jobs at once:

- **It helps you understand.** How a parent greets you, what a child chooses to show you, and how you feel after a visit all tell you something about what is happening and what might help.
- **It is how help arrives.** Advice, challenge, a plan or a piece of direct work only lands if the family trusts the person offering it.

You can read more about what this means, and the tensions it brings, on the [relationship-based practice](/handbook/relationship-based-practice/) page.

## Why this is our ethos

We did not pick this from a catalogue. In 2016 our social workers and managers met in workshops to talk about what they believed in and what they had seen work. Three things came through clearly. Staff said they got a great deal from working directly with children. They liked having several tools and models to draw on. And they saw their working relationship with each family as the heart of the job.

Children and parents have told us the same thing from their side. Our Children in Care Council, and feedback gathered for us by a voluntary sector partner, both show how much a good relationship with one social worker means to them.

## One service, one worker

We run a generic service. We do not split teams by type of need, so you may hold a child in need case, a child protection case and a child in care on the same caseload.

This is a strength. When a family's needs change, they do not have to start again with a stranger. Wherever we can, the same worker stays with them, whether the work is early help, child protection or care. Keep that in mind when you ask for a case to be transferred: a change of worker has a cost for the family, and we should only accept it for a good reason.

## What it means for you day to day

In practice, our vision asks you to:

- get to know each child as a person, not only as a case, and see them on their own
- be honest with families about worries, decisions and your role, even when it is hard
- notice your own reactions and bring them to supervision, because they are part of the evidence
- use tools such as the [genogram](/handbook/genogram/) or [three houses](/handbook/three-houses/) to open conversations, not to fill in boxes
- keep your promises, however small, because trust is built from them
- plan for the long term, and think about what the family will need after we close the case

## What makes a model of practice work

Before settling our approach, we looked at how other councils had put practice models in place and what helped them. The same conditions came up again and again:

- **Commitment from everyone.** Frontline staff, senior leaders and elected members all need to believe in the approach and back it.
- **Caseloads you can manage.** Relationships take time. Nobody can build them with too many families.
- **Reflective supervision.** You need regular space to think, not only to report. See [reflective supervision](/handbook/reflective-supervision/).
- **A long view.** Change in practice takes years. We plan for that rather than chase quick fixes.
- **Learning side by side.** Staff and managers learn together, in [group reflective sessions](/handbook/group-reflective-sessions/) and in shared training.

Some of these conditions are down to the service, and we owe them to you. If your caseload is becoming too much to do good work, or your supervision keeps being cancelled, tell your manager. That is not a complaint. It is you protecting the model we have all agreed to.

> Our vision is not finished. It grows as we learn. If something in this handbook does not match what you see in practice, tell us.""",
        "editor_note": (
            "Facts from the report 'Social Work Model in the City' to the Safeguarding Sub Committee, 27 September "
            "2017: relationship-based practice as the service's ethos and vision; the 2016 staff workshops; feedback "
            "from the Children in Care Council and work done for the City by Action for Children; the generic service "
            "keeping the same worker; the conditions other councils found made models work (paragraph 7 and 20). "
            "The 'what it means day to day' list and the advice on transfers are local practice written for the "
            "handbook, not from the report; check with the service manager before changing them."
        ),
        "courses": [],
        "frames": [],
    },
    {
        "slug": "relationship-based-practice",
        "kind": "model",
        "title": "Relationship-based practice",
        "summary": "What relationship-based practice means in this service, its core features, and how to hold it alongside statutory timescales.",
        "body": """Relationship-based practice is an approach that grows out of psychosocial and psychodynamic social work. Psychosocial means paying attention to a person's inner life and their circumstances together. Psychodynamic means taking seriously the feelings and patterns people are not always aware of, including ones from early life.

The central idea is simple. The working relationship between you and a family is the main way you come to understand their situation, and the main way you help them change. You are not only someone who arranges services. You are part of how change happens.

## The core features

Writers on relationship-based practice describe a set of core features. Here is each one, with what it looks like in our work.

### Every encounter is unique

No two families, and no two visits, are the same. The same words from you may land differently with two parents, or with the same parent on a different day.

In practice: prepare for each visit, but do not script it. Be ready to change your plan when you arrive and find something different.

### Behaviour is complex and has many layers

People act for reasons they can explain, and for reasons they cannot. Feelings a person is not aware of can shape how they treat you, their children and other professionals.

In practice: when a parent is hostile, avoidant or unusually friendly, ask yourself what might sit underneath. A father who shouts at you may be frightened of losing his children. This does not excuse harm, but it helps you respond.

### Inner and outer worlds go together

A person's feelings and their circumstances cannot be pulled apart. Debt, poor housing and racism affect how people feel, and how people feel affects how they cope with those pressures.

In practice: avoid choosing between "it's all practical" and "it's all emotional". A family may need help with a housing application and a chance to talk about grief in the same week.

### Behaviour and the relationship are part of every intervention

How a family responds to you is not a distraction from the work. It is part of the work.

In practice: notice patterns. If a mother always cancels after a hard conversation, that tells you something, and it is worth raising with her gently.

### Use of self

"Use of self" means using your own personality, feelings and reactions, with care, as a working tool. Your feelings during a visit can be a clue to what the family lives with.

In practice: if you leave a home feeling helpless or confused, write that down and bring it to [reflective supervision](/handbook/reflective-supervision/). It may mirror how the children feel.

### It cannot be driven mainly by process

Procedures keep children safe and make us accountable, but they cannot build trust on their own.

In practice: complete the forms, but do not let the form lead the conversation. Use tools such as [circular and reflexive questions](/handbook/circular-and-reflexive-questions/) to talk with families, then record what you learned.

## The tension with statutory timescales

Relationships take time. Statutory work has deadlines: assessments, child protection conferences, core groups and reviews all run to set timescales. Councils using relationship-based models elsewhere found the same pull between the two. It is real, and we do not pretend otherwise.

Some ways to hold it:

- **Be open with families about deadlines.** Tell them early what has to happen by when, and why. Being honest about the frame is itself relationship-based.
- **Use the deadline as a shared task.** "We have four weeks to finish this assessment together" invites a parent in.
- **Let the relationship shape the content, not the date.** The timescale fixes when, but you still choose how you gather views and who you speak to.
- **Record the relationship.** Note how the family engaged and what you noticed. It is evidence, not padding.
- **Raise it early.** If a deadline will damage the work, talk to your manager before it is missed, not after. They can help you agree a plan or record a reason.

> The aim is not to choose between relationships and compliance. Good statutory work is done through good relationships.""",
        "editor_note": (
            "The definition and the six core characteristics come from Wilson, Ruch, Lymbery and Cooper (2011) Social "
            "Work: An introduction to contemporary practice, Pearson, pp. 7-8, as cited in the 2017 committee report "
            "'Social Work Model in the City'. All wording here is our own paraphrase; do not paste in the book's text. "
            "The tension with statutory timeframes was noted in the report from the Islington evaluation (July 2017). "
            "The 'in practice' examples and the tips for holding the tension are handbook guidance, not from the report."
        ),
        "courses": [],
        "frames": [],
    },
    {
        "slug": "a-range-of-methods",
        "kind": "model",
        "title": "A range of methods: systemic practice, Signs of Safety and more",
        "summary": "How systemic practice, Signs of Safety and other tools fit together, and how to choose the right one for a family.",
        "body": """No single method suits every child and family. Our caseloads are mixed, so we need tools that fit different situations. This page explains how our main approaches sit together and how to choose between them.

## Our main approaches

### Systemic practice

Systemic practice is our main area of training. Its key ideas are:

- problems sit in relationships between people, not inside one person
- you are part of what happens with a family, never a neutral observer, and you share responsibility for how the work goes
- families are capable and know their own lives best
- there is rarely one truth; each person sees things from their own position
- the work builds on strengths and relationships

It works across every kind of case we hold, from early help to children in care. That is why it suits a generic service like ours. Some of our social workers and managers already had systemic training when we chose this direction, and a systemic psychotherapist now spends time with the team every week.

Key tools: the [genogram](/handbook/genogram/), the [ecomap](/handbook/ecomap/), [circular and reflexive questions](/handbook/circular-and-reflexive-questions/) and [hypothesising](/handbook/hypothesising/).

### Signs of Safety

Signs of Safety puts planning for safety at its centre and builds on what a family does well. Its authors created it for child protection. Councils that extended it into work with children in care, fostering, disabled children and care leavers had a more mixed experience.

Our staff felt its tools were practical and clear, but worked best alongside other methods. So when we work on safeguarding concerns, we draw on its tools, and the assessments we write in those cases are set out in its format.

Key tools: [Signs of Safety mapping](/handbook/signs-of-safety-mapping/), [Words and Pictures](/handbook/words-and-pictures/) and the [three houses](/handbook/three-houses/).

### Motivational interviewing and task-centred work

Motivational interviewing is a way of talking with people that helps them find their own reasons to change. Collaborative task-centred work means agreeing small, clear tasks with a family and reviewing them together. A neighbouring borough built its model around both. We use them as tools for particular situations, not as our overall model.

Key tools: [motivational interviewing (OARS)](/handbook/motivational-interviewing-oars/) and [collaborative task-centred work](/handbook/collaborative-task-centred-work/).

## Why we did not buy one programme

We looked at a commercial whole-service programme used by another London council. It could combine several methods and be tailored. But it cost a lot, few councils used it, and there was not yet clear evidence that children were better off. Our staff did not feel positive about it either. We decided we could arrange the same kinds of training ourselves, and shape it to our size and our families.

We also noted a lesson from every model we reviewed: none of them works unless caseloads are kept in check, supervision leaves room to think, and the service commits for years, not months. See [our vision](/handbook/our-vision/).

## Which tool when

These are starting points, not rules. Talk it through in supervision if you are unsure.

- **A new family, or you need to understand who matters:** genogram and ecomap.
- **A family stuck in blame, or one story dominating:** circular and reflexive questions, and hypothesising.
- **Child protection enquiries, conferences and safety plans:** Signs of Safety mapping with scaling.
- **Explaining to a child why professionals are involved:** Words and Pictures.
- **Hearing a young child's views:** three houses.
- **A parent unsure whether they want to change:** motivational interviewing.
- **A parent ready to act but overwhelmed:** collaborative task-centred work.
- **Long-term work with a child in care:** genogram, ecomap and systemic questions, rather than safety mapping.

## Mixing tools

You can and should combine tools. A genogram can feed the "what's working well" column of a safety map. A three houses drawing can shape the danger statement. A motivational conversation can lead into agreed tasks. What matters is that you can explain why you chose a tool, and what it told you.""",
        "editor_note": (
            "Facts from the 2017 committee report 'Social Work Model in the City': the range-of-methods decision "
            "(paragraphs 24-26); focus on systemic training with Signs of Safety tools in safeguarding; child and "
            "family assessments adapted to Signs of Safety; systemic principles (paragraph 19); the review of "
            "motivational interviewing (Islington's 'Doing what counts' model), Signs of Safety and the Strengthening "
            "Practice programme (paragraphs 9-18). The 'which tool when' list is handbook guidance agreed locally, "
            "not from the report. We deliberately avoid naming the council that used the commercial programme."
        ),
        "courses": ["sys_intro", "sos_intro", "mi_intro"],
        "frames": ["systemic", "signs_of_safety"],
    },
    {
        "slug": "think-family",
        "kind": "model",
        "title": "Think Family",
        "summary": "How we work with adult services, housing, health and early help to meet the needs of the whole family.",
        "body": """Children do not live in isolation. A parent's mental health, a grandparent's care needs, an eviction notice or an older sibling's debts can all shape a child's life. Think Family is the approach of looking at everyone in the household, and working with the services that support them, rather than treating each person's needs separately.

## Why it matters here

Children's social care sits within the People Department, alongside adult social care, housing and other services for residents. Because we are small, we often know colleagues in those teams by name. That makes joined-up work easier than in a large council, but it does not happen by itself.

We want relationship-based practice to spread beyond children's services. Developing practice jointly with adult services and others strengthens our Think Family approach. It also lets us share training, which can save money for everyone.

## Who we work with

- **Adult social care**, when a parent or carer has care and support needs, a disability or is caring for someone else.
- **Housing**, when overcrowding, disrepair, homelessness or rent arrears affect the children.
- **Health**, including GPs, health visitors, school nurses, midwives and adult and child mental health services.
- **Early help**, so that families get support before problems grow, and so that help continues when our statutory work ends.
- **Schools, police and the voluntary sector**, who often see the family more than we do.

## What Think Family looks like in practice

It means asking "who else lives here, and what do they need?" every time. For example, Kezia is eight. Her mother, Rona, has a long-term illness and Kezia helps look after her. A children-only view might focus on Kezia's school attendance. A Think Family view also asks whether Rona has had a needs assessment from adult services, whether Kezia is a young carer who needs her own support, and whether the flat is suitable for Rona's condition.

## Practical steps

1. **Map the household.** Use a [genogram](/handbook/genogram/) and an [ecomap](/handbook/ecomap/) early on to see every adult and child, and every service already involved.
2. **Ask about the adults' needs.** Ask parents directly about their own health, caring roles, money and housing. Record their answers, not only your view.
3. **Check who is already involved.** Ask, with consent where needed, whether adult services, housing or mental health teams know the family.
4. **Make contact, not just a referral.** Phone or meet the other worker. A conversation builds a shared picture faster than a form.
5. **Plan together.** Invite colleagues from adult services or housing to meetings where their work affects the children. Agree one plan where you can, rather than several that pull against each other.
6. **Agree who leads on what.** Be clear about which worker does which task, so the family is not chased by three people for the same thing.
7. **Share information lawfully.** Follow data protection and information-sharing guidance. If you are unsure what you can share, ask your manager before you share.
8. **Think about the ending.** Before you close, check which services will stay with the family, and make sure they know what we have learned.

## Things to watch for

- **Young carers.** A child who cares for an adult has a right to an assessment of their own needs.
- **Parents who are also vulnerable.** A parent may be a care leaver, have a learning disability or be experiencing domestic abuse. Their needs are real even when your focus is the child.
- **Split loyalties.** Adult workers focus on their client. Differences of view are normal. Talk them through openly and keep the child's welfare at the centre.

> If joint work with another service keeps stalling, bring it to supervision. The "mediation" function of supervision exists for this: your manager can raise it with the other service.""",
        "editor_note": (
            "From the 2017 committee report 'Social Work Model in the City', paragraph 31: potential to develop "
            "relationship-based social work across the People Department, strengthening Think Family through joint "
            "development and possibly saving training costs. The list of partners, practical steps and the young "
            "carer point are general good practice written for the handbook (young carers' assessments: Children and "
            "Families Act 2014). The Kezia and Rona example is invented. Check the information-sharing step against "
            "the current corporate guidance."
        ),
        "courses": [],
        "frames": ["4x4x4"],
    },
    # ------------------------------------------------------------------- tool
    {
        "slug": "genogram",
        "kind": "tool",
        "title": "Genograms",
        "summary": "Drawing a family tree with the family to see who matters, how people relate and what patterns repeat across generations.",
        "body": """## What it is for

A genogram is a family tree drawn with symbols. It shows who is in a family across at least three generations, and how they are connected. Unlike a simple family tree, it also shows the quality of relationships, important events and patterns that repeat.

You use it to understand a family's history and relationships, and to find people who might offer support. Drawing it together is also a good way to start a relationship: most people enjoy talking about their family when the conversation is led with curiosity.

## When to use it

- At the start of an assessment, to learn who is in the child's world.
- When you need to find relatives or friends who could care for or support a child.
- When patterns seem to repeat, such as children leaving home young or losses at a similar age.
- With a child in care, to help them understand where they come from.
- When a case feels stuck and you want a fresh way into a conversation.

## When not to use it

- In the middle of a crisis, when the family needs practical help first.
- When it would put someone at risk, for example if it would reveal where an adult fleeing abuse now lives.
- When a person is grieving a recent loss and not ready to talk about it. Ask first, and come back later.
- As a form to fill in alone at your desk. A genogram drawn without the family misses most of its value.

## How to do it

1. Explain what a genogram is and why you would like to draw one. Ask permission.
2. Use a large sheet of paper and draw it where everyone can see. Let the family hold the pen if they want to.
3. Start with the child and their household. Use squares for males, circles for females, and another agreed symbol for anyone who describes their gender differently.
4. Add parents, siblings and half-siblings, then grandparents and other significant adults. Include people who have died, with a cross.
5. Draw lines to show relationships: close, distant, in conflict, cut off. Ask each person how they see it, and note where views differ.
6. Add key events, such as moves, separations, illness or migration, with dates if people know them.
7. Ask curious questions as you go: "Who is your son most like?" "Who would your mum turn to in a crisis?"
8. Step back and look together. Ask what the family notices. Share what you notice, tentatively.
9. Agree what will go on the record and who will keep a copy.

## An example

Priya, a social worker, drew a genogram with Marcus, aged 34, whose son Ellis, aged 6, was subject to a child in need plan. Marcus had said he had "no family". As they drew, he mentioned an aunt, Delphine, who had looked after him as a teenager. They had not spoken in eight years after a row about his father's funeral.

Marcus noticed, out loud, that both he and his father had been raising a son alone at the same age. Priya asked what his father had needed at that time that he did not get. Marcus said, "Someone like Delphine." With his agreement, Priya later helped him contact Delphine, who now collects Ellis from school twice a week.

## How to record it

- Photograph or scan the drawing and upload it to the child's record, with the date and who took part.
- Write a short note of what you learned, in plain words. Do not rely on the picture alone.
- Record differences of view, such as "Marcus describes his relationship with his brother as distant; his mother sees it as close".
- Keep any information about third parties in line with data protection guidance. Check what can be shared before giving copies to others.

## What to bring to supervision

- The genogram itself, or a photo of it.
- The patterns you noticed and any [hypotheses](/handbook/hypothesising/) they suggest.
- People in the family network you have not yet spoken to.
- How it felt to draw it with the family, and where the conversation got difficult.

You might follow up with an [ecomap](/handbook/ecomap/) to add the services and community around the family.""",
        "editor_note": (
            "General practice knowledge; genogram conventions follow McGoldrick, Gerson and Petry, Genograms: "
            "Assessment and Intervention. Symbols simplified for the handbook; the inclusive gender symbol is our "
            "own guidance. Marcus, Ellis, Delphine and Priya are invented. The recording steps assume a scanned "
            "upload to the case record; confirm against the current case management system."
        ),
        "courses": ["sys_intro", "sys_intermediate"],
        "frames": ["systemic"],
    },
    {
        "slug": "ecomap",
        "kind": "tool",
        "title": "Ecomaps",
        "summary": "Mapping a family's links with people, services and community, and how strong or stressful each link feels to them.",
        "body": """## What it is for

An ecomap is a drawing of a family's world outside the home. The family sits in a circle in the middle. Around it you draw the people, services, groups and places they are connected to. The lines between them show how strong, weak or stressful each link is, and which way support flows.

It shows at a glance where a family gets help, where they feel drained, and where there are gaps. It helps you and the family see the support network, which matters for planning and for [Think Family](/handbook/think-family/) work with other services.

## When to use it

- Early in an assessment, alongside a [genogram](/handbook/genogram/).
- When planning support or safety, to find who might help.
- When a family feels isolated, to show what is there and what is missing.
- When many professionals are involved and the family feels overwhelmed by them.
- Before closing a case, to check what support will remain.

## When not to use it

- When the family's main need is urgent and practical, such as having nowhere to sleep tonight.
- When listing contacts could put someone at risk, for example if an abusive ex-partner might see it.
- When it would just repeat a map drawn recently. Update the old one instead.

## How to do it

1. Explain the tool and ask if the family would like to draw it with you.
2. Draw a circle in the middle of a page for the household. You can put a small genogram inside it.
3. Ask who and what the family is connected to: relatives, friends, school, nursery, GP, faith groups, clubs, work, housing, benefits, other professionals.
4. Draw each one as a circle around the household.
5. Ask the family to describe each link. Use a thick line for a strong link, a thin line for a weak one, and a jagged or crossed line for a stressful one.
6. Add arrows to show the direction of support or energy. Support may flow both ways.
7. Ask which links they would like to be stronger, and which they would like to end.
8. Look at the map together. Ask, "What do you notice?" and "Who could help with the plan?"

## An example

Jonah, a newly qualified social worker, drew an ecomap with Saoirse, aged 22, and her baby, Rafi. Saoirse said she had "loads of people" involved. The map showed eight professionals, drawn with thin or jagged lines, and only one thick line: to her friend Tamsin, who lived across the river.

Seeing it, Saoirse said, "I see more workers than friends." Jonah asked which professional links helped most. Saoirse chose the health visitor and the young parents' group. With her agreement, Jonah arranged a meeting to reduce duplicate visits. He also asked how Tamsin might be part of the support plan. Saoirse later asked Tamsin to join a network meeting.

## How to record it

- Upload a photo of the drawing to the child's record, with the date and names of those who took part.
- Summarise the main findings in words: key supports, main stresses and gaps.
- Use the family's own words for how they see each link.
- Update it at reviews and note what has changed.

## What to bring to supervision

- The map and what the family made of it.
- Links that surprised you, or that the family sees differently from professionals.
- Any gaps in support that the plan needs to fill.
- Issues with other agencies that your manager may need to raise.""",
        "editor_note": (
            "General practice knowledge; the ecomap was developed by Ann Hartman (1978). Line conventions vary "
            "between sources; these are a common simplified set. Jonah, Saoirse, Rafi and Tamsin are invented. "
            "Recording steps are local practice; confirm against the case management system."
        ),
        "courses": ["sys_intro"],
        "frames": ["systemic", "4x4x4"],
    },
    {
        "slug": "circular-and-reflexive-questions",
        "kind": "tool",
        "title": "Circular and reflexive questions",
        "summary": "Questions that explore relationships, differences and other points of view, to open up new ways of seeing a problem.",
        "body": """## What it is for

Circular questions ask about relationships and differences, rather than about one person's behaviour. Instead of "Why does Amir hit his sister?", you might ask "When Amir gets angry, who notices first? What does Dad do then?" They help a family see that a problem lives in the patterns between people.

Reflexive questions aim to open new thinking. They invite people to imagine other views, other times or other outcomes. For example: "If things were better in six months, what would your daughter notice first?"

Together they help you gather information without blame, and help families find their own new ideas.

## When to use it

- When a family is locked into one story, such as "it's all his fault".
- When family members see the same event very differently.
- When you want to bring in the voice of someone who is not present.
- In family meetings, network meetings and direct work with older children.
- In supervision, to think about your own part in a case.

## When not to use it

- When you need clear, direct facts quickly, such as in a child protection enquiry about a specific injury. Ask plainly first.
- With someone in acute distress who needs calm, simple support.
- With young children, unless you adapt the questions with play or drawings.
- As a clever technique to catch people out. Families can tell, and it damages trust.

## How to do it

1. Start with curiosity. Your aim is to understand, not to prove a point.
2. Ask about differences: "Who worries most about this? Who worries least?"
3. Ask about sequences: "What happens just before the arguments start? What happens after?"
4. Ask about relationships: "How does your mum get on with your gran when you are not there?"
5. Ask for another person's view: "What would your teacher say is going well for you?"
6. Ask about time: "Was it always like this? What was different then?"
7. Ask future and hypothetical questions: "If the problem vanished overnight, who would be most surprised?"
8. Listen to the answers and build your next question from them. Do not work through a list.
9. Notice the effect of your questions. If people seem confused or defensive, slow down and explain why you are asking.

## An example

Lena, a social worker, met the Okafor family. Dad, Tobi, said their son Ade, 13, was "out of control". Lena asked, "When Ade comes home late, who gets most upset?" Tobi said his wife, Grace. Lena asked Grace, "And what does Tobi do when he sees you upset?" Grace said he shouts at Ade.

Lena then asked Ade, "What do you think your mum would say she is most scared of?" Ade said, after a pause, "That I'll end up like Uncle Femi." Nobody had said this out loud before. The conversation moved from Ade's behaviour to the family's fear after an uncle had been sent to prison. That opened a different kind of work together.

## How to record it

- Record the main questions and the answers in the family's words.
- Note new views or information that came out of the conversation.
- Keep your interpretation separate from what people said. Label it as your thinking.
- If the conversation changed your [hypotheses](/handbook/hypothesising/), say how.

## What to bring to supervision

- Questions that opened something up, and ones that fell flat.
- Whose voices are still missing.
- Your own reactions, and whether you found yourself taking sides.
- New questions you want to take to the next visit.

See also [relationship-based practice](/handbook/relationship-based-practice/).""",
        "editor_note": (
            "General practice knowledge from the Milan school and Karl Tomm's papers on interventive interviewing "
            "(1987-88). The distinction between circular and reflexive questions is simplified for a staff audience. "
            "The Okafor family and Lena are invented. No facts from the 2017 report are used on this page."
        ),
        "courses": ["sys_intro", "sys_intermediate", "sys_advanced"],
        "frames": ["systemic"],
    },
    {
        "slug": "hypothesising",
        "kind": "tool",
        "title": "Hypothesising",
        "summary": "Forming several tentative explanations for what is happening in a family, testing them and letting go of those that do not fit.",
        "body": """## What it is for

A hypothesis is a working idea about what might be going on. In systemic practice you build several at once, hold them lightly and test them. You never treat one as the truth.

Hypothesising does three things. It helps you plan what to ask and do next. It stops you fixing too early on one explanation, which is a common cause of missed risk. And it reminds you that how you see a family is shaped by your own background and position.

A good hypothesis is about relationships, not blame. It usually takes the form: "Perhaps X is happening because of Y, and this keeps going because of Z."

## When to use it

- Before a first visit, using what you already know.
- After each visit, to update your thinking.
- When a case feels stuck or everyone agrees too quickly.
- In supervision and in group reflective sessions.
- When professionals disagree about a family.

## When not to use it

- As a replacement for acting on clear risk. If a child is in danger now, act first and hypothesise later.
- As a final judgement in a report. Hypotheses are for thinking; your assessment must rest on evidence.
- To label a family. Never write a hypothesis as if it were a fact.

## How to do it

1. Gather what you know: the referral, history, [genogram](/handbook/genogram/), and what people have said.
2. Ask, "What might explain this?" Write down at least three different ideas.
3. Make them different from each other. Include at least one that focuses on strengths and one that includes your own part or the part of professionals.
4. Check each one against your knowledge of child development, culture, research and the law.
5. Ask, "What would I expect to see if this were true? What would show it was wrong?"
6. Plan questions to test them, such as [circular questions](/handbook/circular-and-reflexive-questions/).
7. After the visit, review. Drop, change or add hypotheses.
8. Share your thinking with the family where it helps, in a tentative way: "I wonder if..."

## An example

Noor, aged 15, had stopped going to school. The referral said her parents "did not care". Before visiting, her social worker, Tom, wrote three hypotheses with his manager:

- Noor is being bullied and home feels safer.
- Noor is caring for her younger brother, who has been unwell, and the family has not told anyone.
- Professionals have read the parents' quietness as not caring, when they are frightened of services after a bad experience in the past.

On the visit, Tom asked who looked after Noor's brother during the day. Her mother looked away. Later, Noor told him she stayed home so her mum could work night shifts. The second and third hypotheses grew stronger. The first did not fit what Noor described, though Tom kept it in mind. The plan became a young carer's assessment and support for the family, not a warning letter.

## How to record it

- In case notes, label hypotheses clearly as working ideas, not findings.
- Record what you did to test them and what you found.
- In assessments, show how your thinking developed and why you reached your conclusion.
- Use respectful language. Imagine the family reading it, because they may.

## What to bring to supervision

- Your current hypotheses, including ones you find uncomfortable.
- Any that you have dropped, and why.
- How your own background or feelings might shape what you see.
- What you will test next.""",
        "editor_note": (
            "General practice knowledge from systemic family therapy (Selvini Palazzoli, Boscolo, Cecchin and Prata, "
            "'Hypothesizing-Circularity-Neutrality', 1980) and its adaptation in children's social care. The 'X "
            "because Y, kept going by Z' format is a common teaching device, not a formal standard. Noor and Tom "
            "are invented. Links to the 4x4x4 'analysis' stage are implied, not stated."
        ),
        "courses": ["sys_intermediate", "sys_advanced"],
        "frames": ["systemic", "4x4x4"],
    },
    {
        "slug": "signs-of-safety-mapping",
        "kind": "tool",
        "title": "Signs of Safety mapping",
        "summary": "Mapping worries, strengths and next steps with a family, writing danger statements and safety goals, and scaling from 0 to 10.",
        "body": """## What it is for

Signs of Safety mapping is a structured way to set out what you know about a child's safety. You do it with the family and their network, so that everyone can see the same picture. It keeps a clear focus on harm and danger while giving weight to strengths and existing safety.

The map has three columns:

- **What are we worried about?** Harm that has happened, danger in the future, and factors that make things harder.
- **What's working well?** Strengths, and especially times when the child has been safe despite the worries.
- **What needs to happen?** Goals for safety and the next steps.

It ends with a scale from 0 to 10, which shows how safe each person thinks the child is.

## When to use it

- In child protection enquiries and assessments. Our safeguarding child and family assessments follow this structure.
- In child protection conferences and core groups.
- When building a safety plan with a family and their network.
- In supervision on child protection cases.

## When not to use it

- As the only tool in long-term work with children in care or care leavers. Other councils found it a weaker fit there. Use systemic tools instead, as set out in [a range of methods](/handbook/a-range-of-methods/).
- When it would become a tick-box exercise done without the family.
- When a child is in immediate danger. Make them safe first, then map.

## How to do it

1. Explain the map and the columns in plain words. Say that the family's view will be written down too.
2. Start with what's working well, or with worries, depending on what the family can bear. Many families find it easier to begin with strengths.
3. In the worries column, separate what has already happened (harm) from what you fear might happen (danger). Also note complicating factors, such as debt or poor housing.
4. In the what's working well column, look for real safety: times the child was protected, and who did it.
5. Write a danger statement: a short, plain sentence saying what professionals are worried will happen to the child, if nothing changes, and why.
6. Write a safety goal: what the family need to show, over time, so professionals are confident the child is safe. Describe behaviour you could see, not attitudes.
7. Ask each person to rate safety on a scale where 10 means everyone is confident the child is safe enough to close the case, and 0 means the child is certain to be harmed again.
8. Ask why they chose that number, and what would move it one point higher.
9. Agree next steps: who will do what, and by when.

## An example

In a core group for Milo, aged 4, the worry was that his mother, Jess, drank heavily and left him alone at night. What was working well: Milo's grandmother, Bev, had stepped in twice, and Jess had begun attending an alcohol service.

The danger statement read: "Professionals are worried that if Jess drinks and goes out at night, Milo may be left alone and could get hurt, because he is too young to keep himself safe."

The safety goal: "Milo will always have a sober adult caring for him at night, and everyone will know who that is." Jess scaled a 6, Bev a 5, the social worker a 4. Asked what would make it a 5, the social worker said a written plan for evenings that Bev agreed to check.

## How to record it

- Use the three headings in your assessment and meeting records.
- Write in plain words the family can understand. Avoid jargon.
- Record each person's scaling score and their reasons.
- Keep harm, danger and complicating factors clearly separate.

## What to bring to supervision

- The current map and scaling scores.
- Gaps in the evidence, especially in the "working well" column.
- Whether the danger statement and safety goal are clear and shared with the family.
- What would move your score one point higher.

For a child's version of the same picture, use [Words and Pictures](/handbook/words-and-pictures/) or the three houses.""",
        "editor_note": (
            "Signs of Safety was developed by Andrew Turnell and Steve Edwards (1999). The three-column map, danger "
            "statements, safety goals and 0-10 scaling are standard features; the scale anchors here are a common "
            "wording, not a licensed text. From the 2017 report: our safeguarding child and family assessments are "
            "adapted to the model, and other councils found it a weaker fit with children looked after, fostering, "
            "disability and leaving care work. Milo, Jess and Bev are invented."
        ),
        "courses": ["sos_intro", "sos_advanced", "sos_refresher"],
        "frames": ["signs_of_safety"],
    },
    {
        "slug": "words-and-pictures",
        "kind": "tool",
        "title": "Words and Pictures explanations",
        "summary": "A simple story, in words and drawings, that helps a child understand why professionals are involved and what happens next.",
        "body": """## What it is for

A Words and Pictures explanation is a short story, told in plain words with simple drawings, that explains to a child what has happened in their family. It covers why professionals became worried, what has been done, and what will happen next.

Children often fill the gaps in their understanding with worse ideas than the truth, or blame themselves. A clear, honest story that parents help write can ease that. It also helps parents to take ownership of the worries, because they agree the words.

## When to use it

- When a child has been removed from home, or moved between carers, and needs to understand why.
- When a child protection plan or safety plan is in place and the child needs to know what it means for them.
- When a parent is ready to acknowledge, at least in part, what went wrong.
- When a child keeps asking questions, or seems to blame themselves.

## When not to use it

- When the facts are still unclear, for example during an active police investigation. Check with your manager and the police what can be said.
- When the story could put pressure on a child who is a witness in criminal proceedings.
- Without the parents' involvement, unless there is a clear reason agreed in supervision.
- When a child has made clear they do not want to hear it yet. Go at their pace.

## How to do it

1. Talk to your manager first about what the story should cover.
2. Meet the parents and explain the idea. Show them an example, with invented details.
3. Agree the main points together: who is in the family, what happened, why professionals worried, what is being done, and what happens next.
4. Write in short, simple sentences matched to the child's age. Use the names the child uses, such as "Mummy" or "Nana".
5. Draw simple pictures for each part. Stick figures are fine. You do not need to be an artist.
6. Check the words with the parents. Aim for something they can say they agree with. If they cannot agree with every part, say so honestly in the story.
7. Decide who will share it with the child, and where. A parent or trusted carer is often best, with you there to support.
8. Leave a copy with the child and carer, and plan to revisit it as things change.

## An example

Poppy, aged 5, went to stay with her aunt, Marnie, after her parents' fighting got worse. Her social worker, Sam, worked with her parents, Dean and Carly, on a story. Part of it read:

"Mummy and Daddy love Poppy very much. Sometimes grown-ups shout and push each other when they are cross. This is scary for children. The social worker, Sam, and the police were worried Poppy might get hurt. So Poppy is staying with Auntie Marnie for now. Mummy and Daddy are going to meetings to learn to stop fighting. It is not Poppy's fault."

Each sentence had a simple drawing. Carly read it to Poppy with Sam there. Poppy asked to read it again at bedtime.

## How to record it

- Upload a copy of the finished story to the child's record.
- Note who helped write it, whether the parents agreed it, and any parts they disagreed with.
- Record when, where and by whom it was shared, and how the child responded.
- Record plans to update it.

## What to bring to supervision

- A draft before you share it, so your manager can check it is accurate and safe.
- Parts the parents found hard to agree, and how you handled that.
- The child's response and any new questions.
- When the story will need updating.

Words and Pictures works well alongside [Signs of Safety mapping](/handbook/signs-of-safety-mapping/) and the [three houses](/handbook/three-houses/).""",
        "editor_note": (
            "Words and Pictures was developed by Andrew Turnell and Susie Essex as part of the Signs of Safety "
            "approach (Working with Denied Child Abuse, 2006). Steps are a simplified summary. The caution about "
            "criminal proceedings reflects general Achieving Best Evidence practice; confirm with legal if in doubt. "
            "Poppy, Marnie, Sam, Dean and Carly are invented."
        ),
        "courses": ["sos_intro", "sos_advanced"],
        "frames": ["signs_of_safety"],
    },
    {
        "slug": "three-houses",
        "kind": "tool",
        "title": "The three houses",
        "summary": "A drawing tool that helps a child tell you their worries, the good things in their life and their hopes for the future.",
        "body": """## What it is for

The three houses is a simple way to hear a child's views. You draw three houses with the child:

- **The house of worries:** things that worry or upset them.
- **The house of good things:** things that are going well, and people who help.
- **The house of dreams:** how they would like things to be.

The houses match the three columns of [Signs of Safety mapping](/handbook/signs-of-safety-mapping/). So the child's views can feed straight into assessments, conferences and plans, in their own words.

## When to use it

- With children from about four to twelve, though older children often like it too.
- During assessments and child protection enquiries, to gather the child's view.
- Before a conference or review, so the child's voice is heard even if they do not attend.
- When a child finds direct questions hard but is happy to draw.

## When not to use it

- As a formal interview about an alleged crime. Follow investigative interview guidance for that.
- With a child who is too distressed to take part. Offer it again another day.
- Where the child cannot speak freely, for example with a parent who may cause harm sitting in the room.
- If you cannot promise what will happen to the drawing. Be clear about that before you start.

## How to do it

1. Choose a place where the child feels safe, such as school or a quiet room. Bring paper and coloured pens.
2. Explain, in words the child understands, who you are, why you are there and what you will do with the drawings.
3. Draw three houses, or let the child draw them. Some children like to add roofs, doors and chimneys, or to choose the order.
4. Start with the house of good things. It is usually the easiest way in.
5. Move to the house of worries. Use open prompts: "What things make you sad or scared?" Let the child draw or tell you while you write.
6. Finish with the house of dreams: "If a magic wand made everything better, what would be different?"
7. Read back what is in each house, using the child's words. Ask if anything is missing or wrong.
8. Ask the child who they would like to see it. Be honest about who must see it.
9. Thank them. Make sure they have calmed before you leave them.

## An example

Kai, aged 7, drew his three houses with his social worker, Bea, at school.

In the house of good things, he drew his dog, Pickle, his football and his nan, "because she makes pancakes". In the house of worries, he drew his mum crying and a man with a loud voice. He said, "When Steve comes round I hide under the bed." In the house of dreams, he wrote "Mum happy, no Steve, Pickle sleeps on my bed".

Bea read it back to Kai and he added a picture of his teacher to the good house. With Kai's agreement, Bea shared it with his mum, who had not known he hid. It became part of the child protection conference report, in Kai's words.

## How to record it

- Scan or photograph the drawings and upload them to the child's record.
- Write up each house using the child's exact words, in quotation marks.
- Note the setting, who was present and how the child seemed.
- Record who the child agreed could see it, and who you had to share it with.

## What to bring to supervision

- The drawings, and what struck you about them.
- Anything the child said that raises new worries and needs action.
- How the child's views will shape the plan.
- How it felt to hear what the child said.

If you need to explain to the child what is happening, see [Words and Pictures](/handbook/words-and-pictures/).""",
        "editor_note": (
            "The three houses tool was developed by Nicki Weld and Maggie Greening (New Zealand) and is widely taught "
            "within Signs of Safety. Age range and steps are general practice guidance, not a formal standard. Kai, "
            "Bea, Pickle and Steve are invented. The link to investigative interviews refers to Achieving Best "
            "Evidence guidance."
        ),
        "courses": ["sos_intro"],
        "frames": ["signs_of_safety"],
    },
    {
        "slug": "motivational-interviewing-oars",
        "kind": "tool",
        "title": "Motivational interviewing: OARS and change talk",
        "summary": "Using open questions, affirmations, reflections and summaries to help a parent find and strengthen their own reasons to change.",
        "body": """## What it is for

Motivational interviewing is a way of talking with someone about change. It works with people who feel two ways about changing, which is most of us. Instead of persuading, you help the person hear and strengthen their own reasons.

It rests on a spirit of partnership, acceptance and compassion, and on drawing out the person's own ideas. Its core skills are known as OARS:

- **Open questions** that cannot be answered with yes or no.
- **Affirmations** that recognise real strengths and efforts.
- **Reflective listening**, where you say back what you heard, sometimes adding meaning.
- **Summaries** that pull together what the person has said.

You listen especially for **change talk**: anything the person says in favour of change, such as a desire, reason, need or plan.

## When to use it

- When a parent is unsure whether they want to, or can, change something that affects their child, such as drinking, drug use or a violent relationship.
- When conversations keep turning into arguments.
- When you notice yourself lecturing or pleading.
- In any conversation, to make your listening sharper.

## When not to use it

- When a child is at immediate risk. Act on the risk first. You can stay warm and respectful, but you must be direct.
- To steer someone towards an outcome they have not chosen while pretending it is their idea. Be honest about your role and any non-negotiables.
- As a replacement for specialist treatment for addiction or mental illness.

## How to do it

1. Be clear about your role. Say what you are worried about and what is not negotiable, then say what is open for discussion.
2. Ask open questions: "What concerns you most about how things are?" "How would you like things to be for Lily?"
3. Listen more than you talk. Reflect back: "You love her and you're scared you're letting her down."
4. Affirm genuine strengths: "You got her to school every day this week, even when you felt ill."
5. Listen for change talk. When you hear it, reflect it or ask for more: "You said you want her to stop worrying about you. Tell me more."
6. When you hear reasons not to change, reflect them without arguing. Arguing usually makes people defend the status quo.
7. Summarise now and then, and gather the change talk into the summary.
8. When the person seems ready, ask about next steps: "What might you do first?"
9. Agree what happens next. [Collaborative task-centred work](/handbook/collaborative-task-centred-work/) can take it forward.

## An example

Daniel, a social worker, visited Caz, whose drinking was affecting her daughter Lily, aged 9.

- Daniel: "What's it like for you when you drink in the evenings?" (open question)
- Caz: "It's the only time I relax. But Lily keeps checking on me."
- Daniel: "Drinking helps you unwind, and you've noticed Lily is worried." (reflection)
- Caz: "She shouldn't have to do that. I used to do that for my dad." (change talk)
- Daniel: "You don't want Lily to grow up the way you did." (reflection)
- Caz: "No. I don't."

Daniel summarised: "You drink to cope with stress, and you're also seeing Lily take on a worry you remember from your own childhood. You don't want that for her." Caz asked about the local alcohol service.

## How to record it

- Record what the parent said about change, in their own words.
- Note your worries and any non-negotiables, and that you explained them.
- Record any steps agreed and who will take them.
- Avoid labels such as "in denial" or "not motivated". Describe what was said instead.

## What to bring to supervision

- A short piece of conversation you can replay, including your own words.
- Where you heard change talk, and where you missed it.
- Moments you slipped into lecturing or arguing, and why.
- How you held your statutory role alongside this approach.""",
        "editor_note": (
            "General practice knowledge based on Miller and Rollnick, Motivational Interviewing (3rd edition, 2013), "
            "including the OARS skills and change talk. From the 2017 report: motivational interviewing was reviewed "
            "as part of a neighbouring borough's model and is one of the tools we use, not our overarching model. "
            "Daniel, Caz and Lily are invented."
        ),
        "courses": ["mi_intro", "mi_intermediate"],
        "frames": ["4x4x4"],
    },
    {
        "slug": "collaborative-task-centred-work",
        "kind": "tool",
        "title": "Collaborative task-centred work",
        "summary": "Agreeing a small number of clear problems, goals and tasks with a family, within a set time, and reviewing progress together.",
        "body": """## What it is for

Task-centred work is a short, structured way of helping people solve problems they have chosen to work on. You and the family agree what the problems are, set goals, break them into small tasks and review progress often, within a set time.

"Collaborative" means the family shapes the work as an equal partner. They choose which problems matter most to them, within the limits of any safeguarding concerns. They also help decide the tasks, and do many of them. That builds confidence and a sense of control.

## When to use it

- When a parent wants to change but feels overwhelmed.
- When there are clear, practical problems, such as school attendance, routines, benefits or housing.
- After a [motivational interviewing](/handbook/motivational-interviewing-oars/) conversation, when someone is ready to act.
- In child in need and early help work, and as part of a child protection plan.

## When not to use it

- When problems are deep-rooted and need longer-term therapeutic work first, such as unresolved trauma.
- When the person does not yet accept any problem. Motivational work may be a better first step.
- As a way of setting the family tasks while professionals do nothing. Tasks are shared.

## How to do it

1. List the problems together. Ask the family what they want to change, and share your own worries honestly.
2. Choose up to three problems to work on first. Include any that must be addressed for the child's safety.
3. Agree a clear goal for each. Make goals specific and observable: "The children are at school on time four days out of five."
4. Agree a time frame, often six to twelve weeks, and how often you will meet.
5. Break each goal into small tasks. Say who will do each task and by when. Include tasks for you and for other professionals.
6. Think ahead about what could get in the way, and plan for it.
7. At each meeting, review tasks together. Celebrate what was done. If a task was not done, find out why without blame, and adjust it.
8. At the end, review progress against the goals. Decide together whether to stop, continue or choose new problems.

## An example

Tariq and his partner, Mel, had three children. School had raised concerns about attendance and tiredness. Their social worker, Ana, agreed with them to work on two problems for eight weeks: mornings were chaotic, and they were behind on rent.

Tasks for week one: Mel would lay out uniforms the night before. Tariq would set an alarm for 7am. Ana would book an appointment with the housing team about the arrears.

At the review, mornings were better on three days. Tariq said the alarm did not help because he worked late. They changed the task so Mel did mornings and Tariq did bedtimes. By week eight, the children were on time most days and a repayment plan was in place.

## How to record it

- Record the agreed problems, goals, tasks, owners and dates in the plan. Share a copy with the family.
- At each review, record what was done, what was not, and why.
- Use the family's language for their goals.
- Record the final review, with the family's view of what changed.

## What to bring to supervision

- The task list and progress so far.
- Tasks that keep not getting done, and your hypotheses about why.
- Whether the goals still match the main worries for the child.
- Tasks that sit with other agencies and are stalling.

See also [a range of methods](/handbook/a-range-of-methods/).""",
        "editor_note": (
            "General practice knowledge based on task-centred casework (Reid and Epstein, 1972) and later work by "
            "Marsh and Doel. From the 2017 report: collaborative task-centred social work was part of a neighbouring "
            "borough's model we reviewed. Time frames are typical, not a local rule. Tariq, Mel and Ana are invented."
        ),
        "courses": ["mi_intermediate"],
        "frames": ["4x4x4"],
    },
    # --------------------------------------------------------------- learning
    {
        "slug": "reflective-supervision",
        "kind": "learning",
        "title": "Reflective supervision",
        "summary": "How supervision works in this service, the three frames we use to reflect, and how to prepare for your sessions.",
        "body": """Supervision is where you step back from the work to think about it. It keeps children safe, supports you, and helps you learn. Every council we looked at that made its practice model work had good, regular, reflective supervision. So we treat it as protected time, not an optional extra.

## What supervision is for

Good supervision covers four functions:

- **Management:** direction on cases, priorities, caseload and accountability.
- **Support:** the emotional impact of the work on you, and your wellbeing.
- **Development:** your learning, skills and career.
- **Mediation:** linking you and the wider organisation, including raising problems with other services.

These four come from Tony Morrison's model of supervision. If one is always squeezed out, such as support, say so.

## The three frames

When your supervisor records a session on the portal, they choose a reflective frame. Each frame guides the conversation in a different way. You can ask for a particular frame if it suits the case.

### The 4x4x4 integrated model

This model brings together the four functions above, the four people with a stake in supervision (the worker, the people who use services, the organisation and partner agencies), and a reflective cycle with four stages:

1. **Experience:** what happened, and what you saw, heard and felt.
2. **Reflection:** how it felt then and now, and what it reminds you of.
3. **Analysis:** what it might mean, drawing on knowledge, research and values.
4. **Action plan:** what happens next, and how you will know it helped.

The cycle stops you jumping straight from "what happened" to "what do I do", which is where mistakes often come from.

### Signs of Safety mapping

This frame uses the same structure as [Signs of Safety mapping](/handbook/signs-of-safety-mapping/) with families: what are we worried about, what's working well, what needs to happen, and a scale from 0 to 10. It suits child protection cases. It also means you and your supervisor map a case the same way a family would see it mapped.

### The systemic frame

This frame asks you to hold several explanations at once, using [hypothesising](/handbook/hypothesising/). It asks whose voices are missing, what each family member would say, and what you are curious to explore next. It suits stuck cases and long-term work.

## How to prepare

Good supervision depends on preparation from both sides. Before each session:

1. Look at your actions from last time. Note what is done and what is not.
2. Choose the cases you most need to discuss. You cannot cover everything.
3. For each, note your question. "I'm not sure whether to step down" is more useful than "update on the Smiths".
4. Note anything about your own wellbeing, workload or learning you want to raise.
5. Write it in a preparation note on the portal and share it with your supervisor before the session, if you want them to read it first.

You can find the preparation note, your supervision agreement and upcoming sessions on [your supervision pages](/supervision/).

## After the session

Your supervisor records the session, including case decisions and actions. You can add your own reflection, and you should read and sign the record. If something in the record is wrong, say so. You can read your past records on [your supervision record](/supervision/my-record/).

## How often

Most staff have supervision monthly. Newly qualified workers follow a more frequent pattern in their first year; see [your first year](/handbook/your-first-year/). You can also ask for extra supervision when a case is weighing on you. Group supervision with our systemic psychotherapist adds to, but does not replace, your one-to-one sessions; see [group reflective sessions](/handbook/group-reflective-sessions/).

> If your supervision is cancelled, ask for a new date in the same week. If it keeps happening, raise it with the service manager.""",
        "editor_note": (
            "The 4x4x4 model is Tony Morrison's (Staff Supervision in Social Care, 2005), developed with Jane "
            "Wonnacott; the four stakeholders are as commonly taught. The three frames and their prompts mirror "
            "supervision/frames.py in this project; keep them in step if that file changes. Preparation notes, "
            "sharing, signing and the ASYE pattern reflect the portal's supervision app. Monthly as the usual "
            "frequency matches the agreement form's default. From the 2017 report: reflective supervision was a "
            "condition for models working. Escalation advice is local practice."
        ),
        "courses": [],
        "frames": ["4x4x4", "signs_of_safety", "systemic"],
    },
    {
        "slug": "group-reflective-sessions",
        "kind": "learning",
        "title": "Group reflective sessions",
        "summary": "Weekly group sessions with our systemic psychotherapist, where staff and managers think together about their work.",
        "body": """Every week, our systemic psychotherapist spends an afternoon with the team. Most of that time is a group reflective session. Social workers, managers and sometimes colleagues from other parts of the service think together about the work.

We chose this because of our size. A small service does not need, and could not sustain, a large training programme. An in-house therapist who knows us can offer support shaped to our families and our team, week after week. It also means staff and managers learn side by side, so the whole service develops together, not just individuals.

## What happens in a session

Sessions vary, but a typical one looks like this:

1. **Check-in.** A brief round of how people are, and what they hope to get from the session.
2. **Case presentation.** One or two workers bring a case. They say what they want help with.
3. **Questions.** The group asks questions to understand the family and the worker's position. The therapist often models [circular and reflexive questions](/handbook/circular-and-reflexive-questions/).
4. **Reflecting.** The group talks about the case while the presenter listens without responding. People offer [hypotheses](/handbook/hypothesising/), notice patterns and wonder aloud. This is sometimes called a reflecting team.
5. **Response.** The presenter says what struck them and what they will take away.
6. **Learning.** The therapist may link the discussion to systemic ideas or a short piece of theory.

Some sessions focus on a theme rather than a case, such as working with fathers, or practising a [genogram](/handbook/genogram/) on an invented family.

## How to bring a case

You do not need a polished case. Stuck, confusing or upsetting cases are often the most useful.

1. Tell the session lead a few days before, so time can be planned.
2. Prepare a short outline: who is in the family, why we are involved and what is happening now. A genogram helps.
3. Think of one clear question, such as "Why does every visit end in a row?" or "What am I missing about this teenager?"
4. Bring your own reactions too. How the case makes you feel is part of what the group can help with.

## Confidentiality

- Use first names or initials only. Do not bring case files or print-outs with identifying details to the room.
- What is said about colleagues' feelings and experiences stays in the room.
- Case decisions are not made in the group. Take any ideas back to your supervisor, who remains responsible for case direction.
- If something raised in the group suggests a child is at risk and action is needed now, the worker's manager must be told the same day.

## Recording and CPD

The session lead records the date, who attended and the themes on the [group sessions page](/supervision/group-sessions/). Case details are not recorded there.

Time spent in group sessions counts towards your continuing professional development (CPD). Note what you learned in your own CPD record for your professional registration.

## Who can attend

Every social worker and manager is expected to attend when they can. Newly qualified workers find it especially useful. If you cannot attend for a while, talk to your manager.

> Group sessions add to, but do not replace, your one-to-one [reflective supervision](/handbook/reflective-supervision/).""",
        "editor_note": (
            "From the 2017 report 'Social Work Model in the City': a systemic psychotherapist engaged for half a day "
            "(one afternoon) a week to work with the team; tailored, in-house support; staff and managers learning "
            "and being supported together (paragraphs 27-28). The session structure, confidentiality rules and "
            "recording details are local practice written for the handbook; check with the psychotherapist before "
            "changing them. CPD counting reflects Social Work England's CPD requirement."
        ),
        "courses": [],
        "frames": ["systemic"],
    },
    {
        "slug": "practice-development-sessions",
        "kind": "learning",
        "title": "Practice development sessions",
        "summary": "How the whole team reviewed the evidence on practice models, agreed how we work, and keeps that agreement under review.",
        "body": """Our way of working was not decided for staff. It was decided with them. Practice development sessions are how we did that, and how we keep doing it.

## How our model was agreed

In 2016, social workers and managers took part in workshops about what they valued in their work. After that, a small task and finish group was set up. It included a social worker, the independent reviewing officer who also chairs child protection conferences, the quality assurance service manager, the service manager who leads children's social care and early help, and the assistant director responsible for the People Department.

The group set itself a series of tasks:

- define clearly what relationship-based practice means for us
- find the methods and models that fit under that umbrella, and pick those that suit our families
- review the research on how different practice models affect children and families
- read Ofsted inspection reports from councils using different models
- talk with councils that had introduced models, face to face
- bring all this back to the whole service to discuss

The last task happened over two formal sessions, which we call practice development sessions. Across the two, the team looked at what the research said and what other councils had learned, and agreed what relationship-based practice means here and what we need from supervision, caseloads and each other to make it work.

## What the evidence showed

The team found no model that was clearly best in every council. Councils with the same model had very different inspection results. What made the difference were the conditions around the model: commitment at every level, manageable caseloads, reflective supervision, a long-term plan and learning together. Even practical things, such as having a desk and IT that works, mattered more than expected.

This is why we chose [a range of methods](/handbook/a-range-of-methods/) rather than a single programme, and why [our vision](/handbook/our-vision/) puts so much weight on those conditions.

## How they continue

Practice development sessions did not stop once the model was agreed. We hold them regularly to:

- look at new research or guidance and decide whether it should change how we work
- review learning from audits, complaints, compliments and serious case reviews
- agree how to use a new tool, such as updating our approach to [Signs of Safety mapping](/handbook/signs-of-safety-mapping/)
- hear feedback from children, young people and families
- check whether this handbook still matches what we do

Topics come from staff as well as managers. If there is something you think the whole team should look at, raise it with your manager or at a team meeting.

## How to take part

1. Look for upcoming sessions in the [training courses](/training/courses/) list and book your place.
2. Read any material sent out beforehand. It is usually short.
3. Come ready to share your experience. Newly qualified workers' fresh views are especially welcome.
4. Afterwards, note what you learned in your CPD record, and talk in supervision about how it applies to your cases.

> Every voice counts in these sessions. Our practice model belongs to the people who use it.""",
        "editor_note": (
            "From the 2017 report 'Social Work Model in the City': the 2016 workshops; the membership of the task "
            "and finish group; its actions, including two formal practice development sessions (paragraphs 1-3); "
            "findings on what makes models work, including hot-desking and IT (paragraphs 7, 20 and 22). The content "
            "of the two sessions matches the pd_1 and pd_2 course descriptions in training/demo/texts.py. The "
            "'how they continue' list is local practice, not from the report."
        ),
        "courses": ["pd_1", "pd_2"],
        "frames": [],
    },
    {
        "slug": "research-partnerships",
        "kind": "learning",
        "title": "Research and teaching partnerships",
        "summary": "How to use our links with the South East London Teaching Partnership and King's College London's Making Research Count programme.",
        "body": """We are a small service, so we cannot run a full research and training programme on our own. We make up for that through two partnerships. Both give you access to learning, research and colleagues well beyond the City.

## The South East London Teaching Partnership

Social work teaching partnerships bring together universities and councils to improve how social workers are trained and developed. We are an associate member of the South East London Teaching Partnership. That means we take part in its activities and can use its learning offer, without being a full partner.

What it offers you:

- **Masterclasses.** Half-day sessions on a single topic, usually led by an academic and a practitioner together. Topics vary, from working with adolescents to assessing neglect.
- **The annual conference.** A day of talks and workshops, and a chance to meet social workers from other councils.
- **Links with students.** The partnership supports social work student placements, and experienced workers can train as practice educators.

Places on masterclasses and the conference are shared between members, so book early.

## King's College London: Making Research Count

Making Research Count is a research dissemination programme run by King's College London. It helps practitioners keep up with research without needing to read every study. It offers short briefings on recent research, with time to discuss what it means for your cases.

## Why it matters

Research helps you test your thinking and explain your decisions. When you write in an assessment that a pattern is a risk, saying what the research shows makes your analysis stronger. It also helps you challenge assumptions, including your own. And it supports your [hypothesising](/handbook/hypothesising/), because research can suggest explanations you had not thought of.

## How to use them

1. **Look for dates.** Masterclasses, the conference and research briefings are listed in [training courses](/training/courses/).
2. **Talk to your manager.** Discuss in supervision which sessions fit your development plan. Your manager approves bookings.
3. **Book early.** Places are limited.
4. **Come back with something.** After a session, bring one idea to your team meeting or to a [group reflective session](/handbook/group-reflective-sessions/).
5. **Record it.** Note what you learned and how it changed your practice in your CPD record.
6. **Use it in your work.** Refer to research in assessments and reports where it helps, in plain language, and say where it came from.

## Tips for busy workers

- Pick one research briefing a quarter rather than trying to attend everything.
- Go with a colleague, so you can discuss it afterwards.
- Bring a real case to mind while you listen. Ask yourself, "What would this mean for them?"
- If a topic matters to the whole team, suggest it for a [practice development session](/handbook/practice-development-sessions/).

> Our training offer has long been focused on individuals following their own interests. That is a strength. The partnerships help you do so while also bringing learning back to the team.""",
        "editor_note": (
            "From the 2017 report 'Social Work Model in the City', paragraph 29: associate membership of the South "
            "East London Teaching Partnership and the partnership with King's College's Making Research Count "
            "programme. Paragraph 23: individually focused training, noted as a strength by Ofsted in July 2016. "
            "Descriptions of masterclasses and the conference follow the demo course texts in training/demo/texts.py. "
            "Booking approval by manager is local practice. Check the partnership and the programme still exist "
            "before publishing outside the demo."
        ),
        "courses": ["masterclass", "conference", "research"],
        "frames": [],
    },
    {
        "slug": "your-first-year",
        "kind": "learning",
        "title": "Your first year: a guide for ASYE workers",
        "summary": "What to read first, how supervision and reviews work, and where to get help in your assessed and supported year in employment.",
        "body": """Welcome. If you are newly qualified, you are in your Assessed and Supported Year in Employment, known as the ASYE. It is a year of extra support, supervision and learning, which ends in an assessment of your practice against national standards.

A small service is a good place to start your career. You will work with a wide range of families and get to know colleagues quickly. This page sets out what to expect.

## What to read first

In your first two weeks, read these handbook pages:

1. [Our vision and ethos](/handbook/our-vision/), to understand what we value.
2. [Relationship-based practice](/handbook/relationship-based-practice/), which shapes everything we do.
3. [A range of methods](/handbook/a-range-of-methods/), so you know which tools we use and when.
4. [Reflective supervision](/handbook/reflective-supervision/), so you can get the most from your sessions.

Then read the tool pages as you need them. Start with the [genogram](/handbook/genogram/) and [Signs of Safety mapping](/handbook/signs-of-safety-mapping/), as you will use both early on.

## Your caseload

Your caseload will be smaller than an experienced worker's, and it will build up gradually. You should not hold the most complex cases alone in your first year. If you feel your caseload is growing too fast, say so in supervision.

## Supervision

You will have more frequent supervision than other staff:

- **weekly** for your first six weeks
- **fortnightly** until you reach six months
- **monthly** after that

This pattern is set in your supervision agreement on the portal. Your supervisor will usually use the 4x4x4 reflective cycle, which helps you move from describing what happened to analysing it and planning. Prepare for each session by sharing a preparation note beforehand.

You are also welcome at weekly [group reflective sessions](/handbook/group-reflective-sessions/) with our systemic psychotherapist. Many newly qualified workers find them one of the most useful parts of the week.

## Reviews and assessment

Your progress is reviewed formally:

- **At three months:** an early check that you are settling in, getting the support you need and developing as expected.
- **At six months:** a midway review of your progress against the standards, with a plan for the rest of the year.
- **At twelve months:** your final assessment.

Your assessor will gather evidence from direct observations of your practice, your written work, feedback from families and colleagues, and your own reflections. Keep notes of your learning as you go. It is much easier than trying to remember at the end.

## Training

In your first year, you will attend the introductory courses in systemic practice and Signs of Safety. Book them early, as dates fill up. You will also have protected time for learning. Talk with your supervisor about how to use it.

## Looking after yourself

The work can be hard. You will meet distress, anger and sometimes danger. It is normal to find this affects you. Use supervision to talk about how the work feels, not only what you did. If you are struggling, tell your supervisor or another manager early. Asking for help is a sign of good practice, not weakness.

> Every experienced social worker here was once in their first year. Ask questions. There is no such thing as a silly one.""",
        "editor_note": (
            "ASYE supervision pattern (weekly for 6 weeks, fortnightly to 6 months, then monthly) matches "
            "supervision/models.py (Frequency.ASYE). Reviews at 3 and 6 months and final assessment at 12 months "
            "follow the national ASYE framework for child and family social work. Protected caseload and learning "
            "time are local practice and national expectation; check current local numbers before adding figures. "
            "Required introductory courses follow training/demo/texts.py."
        ),
        "courses": ["sys_intro", "sos_intro"],
        "frames": ["4x4x4"],
    },
]

"""Guide content, parts 1 to 4, and the glossary, for the relationship-based practice guide.

Each part has a version for parents and carers and a shorter, simpler
version for children and young people. Text is plain English, British
spelling, and uses only the markdown subset the site supports.
"""

GLOSSARY = [
    {
        "term": "advocate",
        "variants": ["advocacy", "advocates"],
        "definition": (
            "An advocate is someone who helps you say what you think and want. "
            "They are on your side and do not make decisions about your family. "
            "Children in care and young people leaving care have a right to one."
        ),
    },
    {
        "term": "assessment",
        "variants": ["assessments"],
        "definition": (
            "An assessment is when a social worker gets to know your family. "
            "They look at what is going well, what is worrying and what help you need. "
            "They share what they find with you."
        ),
    },
    {
        "term": "care plan",
        "variants": ["care plans"],
        "definition": (
            "A written plan for a child who is in care. "
            "It says where the child will live, how their needs will be met and who will do what. "
            "It is checked at regular review meetings."
        ),
    },
    {
        "term": "child in need",
        "variants": ["children in need", "child in need plan", "child in need plans"],
        "definition": (
            "A child who needs extra help from services to stay healthy or to grow and learn well. "
            "Disabled children are also children in need. "
            "The words come from a law called the Children Act 1989."
        ),
    },
    {
        "term": "child protection conference",
        "variants": ["child protection conferences"],
        "definition": (
            "A meeting held when there are worries that a child may be seriously harmed. "
            "Parents and the people who work with the child share what they know. "
            "The meeting decides if the child needs a child protection plan."
        ),
    },
    {
        "term": "child protection plan",
        "variants": ["child protection plans"],
        "definition": (
            "A written plan for a child who may be seriously harmed. "
            "It says what needs to change to keep the child safe, and who will help. "
            "It is checked at regular meetings."
        ),
    },
    {
        "term": "Children's Guardian",
        "variants": ["Children's Guardians"],
        "definition": (
            "A trained social worker from Cafcass, a national service that works for the family courts. "
            "In some court cases, they speak up for the child. "
            "They do not work for us, and they tell the court what they think is best for the child."
        ),
    },
    {
        "term": "consent",
        "variants": [],
        "definition": (
            "Consent means agreeing to something after it has been explained to you. "
            "We usually ask for your consent before we share information about you. "
            "If a child may be at risk of harm, we may share information without it to keep them safe."
        ),
    },
    {
        "term": "core group",
        "variants": ["core groups"],
        "definition": (
            "A small group that meets often to make a child protection plan work. "
            "It includes parents, the social worker and others who know the child, such as a teacher."
        ),
    },
    {
        "term": "early help",
        "variants": [],
        "definition": (
            "Support for families to stop small problems from becoming big ones. "
            "You choose whether to take part. "
            "It can help with things like parenting, school, money or health."
        ),
    },
    {
        "term": "Independent Reviewing Officer",
        "variants": ["IRO", "IROs", "Independent Reviewing Officers"],
        "definition": (
            "A person who checks that a child in care has the right care plan. "
            "They run review meetings and make sure the child's views are heard. "
            "They are not the child's social worker."
        ),
    },
    {
        "term": "looked after",
        "variants": ["looked-after", "in care"],
        "definition": (
            "A child is looked after when they are in the care of the council. "
            "They may live with foster carers, with relatives or in a children's home. "
            "This can be because parents agree, or because a court decides."
        ),
    },
    {
        "term": "relationship-based practice",
        "variants": ["relationship based practice"],
        "definition": (
            "Our way of working. "
            "The relationship between you and your social worker is at the heart of how we help. "
            "We get to know your family, and help comes through that relationship."
        ),
    },
    {
        "term": "safety network",
        "variants": ["network", "support network"],
        "definition": (
            "The family, friends and other people who help keep a child safe. "
            "They know about the worries and agree to play a part in the safety plan."
        ),
    },
    {
        "term": "safety plan",
        "variants": ["safety plans"],
        "definition": (
            "A plan made with a family and the people who support them. "
            "It says clearly what everyone will do, day to day, to keep a child safe. "
            "We try to write it so children can understand it too."
        ),
    },
    {
        "term": "Section 47 enquiry",
        "variants": ["Section 47", "section 47 enquiry"],
        "definition": (
            "When we look closely at whether a child is being seriously harmed, or may be. "
            "The law says we must do this when we have serious worries. "
            "The name comes from Section 47 of the Children Act 1989."
        ),
    },
    {
        "term": "Signs of Safety",
        "variants": [],
        "definition": (
            "A way of working when we are worried about a child's safety. "
            "We ask three questions: what are we worried about, what is working well, and what needs to happen? "
            "We also use simple tools, like drawings and a scale from 0 to 10."
        ),
    },
    {
        "term": "strategy meeting",
        "variants": ["strategy meetings", "strategy discussion"],
        "definition": (
            "A talk between social workers, the police, health workers and sometimes others, such as a school. "
            "It happens when there are worries a child may be seriously harmed. "
            "They decide what to do next, and parents do not usually take part."
        ),
    },
    {
        "term": "supervision",
        "variants": [],
        "definition": (
            "Regular time a social worker spends with their manager to talk about their work. "
            "It helps them think carefully about how best to help your family. "
            "It is not the same as a supervision order, which a court makes."
        ),
    },
    {
        "term": "systemic practice",
        "variants": [],
        "definition": (
            "A way of working that looks at the relationships around a child, not just at one person. "
            "It sees you as the expert in your own life. "
            "We listen to how each person sees what is happening."
        ),
    },
]


PARTS = [
    {
        "slug": "what-relationship-based-practice-means",
        "title": "What relationship-based practice means",
        "summary": "How we help families through a good, honest relationship with your social worker, and why we work this way.",
        "parents": """This part explains how we work. We call it relationship-based practice. It means your relationship with your social worker is at the centre of how we help.

## Why the relationship matters

Your social worker is there to help your family. To help well, they need to get to know you. They need to understand what life is like for you.

A good relationship helps in two ways. First, it helps your social worker learn what your family needs. Second, it is how the help reaches you. Help does not come only from forms, rules and meetings. It comes from people working together.

We still follow the law, and we still fill in forms. But forms are not the heart of our work. People are.

## Every family is different

No two families are the same. What helps one family may not help another. So we do not use one way of working for everyone. We have lots of ways to help, and we choose them with you.

People are not simple. We all have good days and bad days. We all have feelings we do not always show. Your social worker will keep this in mind. They will not judge you on one bad moment.

## Your whole life, inside and out

Your social worker will try to see the whole picture. They will think about what is going on around you. This could be your home, money, health, school or work. They will also think about what is going on inside you. This means your feelings, worries and hopes.

These things are all linked. For example, money worries can make it hard to sleep. Feeling low can make it hard to cope with the children. So we look at it all together.

## We listen

We want to hear your side of the story. We will ask what you think is going well. We will ask what worries you. We will ask what you think would help. You know your family best.

We will not always agree with you. If we disagree, we will say so and explain why. You can tell us when you disagree too.

## What families told us

We asked children and families what matters to them. Our Children in Care Council told us. This is a group of young people in care who give us their views. Families also told us through feedback gathered by the charity Action for Children. They said a good relationship with their social worker really matters. Our social workers said the same. That is why we work this way.

> Find out more in [what to expect from your social worker](/guide/what-to-expect-from-your-social-worker/).
""",
        "children": """This page is about how we work with you and your family.

## Getting to know you

Your social worker is there to help you and your family. To help well, they need to get to know you. They want to know what you like and what you are good at. They want to know what makes you happy, sad or cross.

Every child is different. So is every family. We do not help everyone in the same way. We try to find what works for you.

## Inside and outside

Your social worker will think about what goes on around you. That means home, school and friends. They will also think about how you feel inside. Both of these matter.

## We will listen

We want to know what you think. You can tell us in lots of ways. You can talk, draw, write or play. There is no right or wrong answer.

Children in care told us they want a social worker they can trust. We think so too. That is why we work this way.

## If you need to talk

You can talk to your social worker. You can talk to any grown-up you trust, like a teacher. You can also call Childline on 0800 1111. It is free, and you can call at any time.

> If you are in danger right now, call 999.
""",
    },
    {
        "slug": "what-to-expect-from-your-social-worker",
        "title": "What to expect from your social worker",
        "summary": "Who your social worker is, what they will do, what we ask of you, and what to do if things are not working.",
        "parents": """Your social worker is the person who works most closely with your family. This part tells you what they will do. It also tells you what we ask of you.

## Who your social worker is

A social worker is a trained professional. They must register with Social Work England. This is the national body that checks social workers. Their job is to help keep children safe and well, and to support families.

Our service helps families with all kinds of needs. Some families need a little help. Others have more serious worries. The same team helps with all of these. So you have a good chance of keeping the same social worker. This can stay the same even if your situation changes. It can stay the same if the type of help changes too. You should not have to start again with someone new.

## What your social worker will do

Your social worker will:

- visit you at home and see your children
- sometimes talk with your children on their own
- be honest with you, even when it is hard to hear
- tell you clearly if they are worried, and why
- explain what they write about your family
- turn up when they say they will, or tell you if they cannot
- listen to your views and write them down
- tell you what will happen next

Your social worker will not always agree with you. But they should always treat you with respect.

Social workers need support too. Your social worker meets their manager regularly to talk about their work. This is called supervision. It gives them time to think carefully about your family. Together, they look at what is working and what to try next. This helps your social worker help you better.

## What we ask of you

Working together goes both ways. We ask you to:

- be honest with us, even about hard things
- tell us if something changes at home
- let us know if you cannot make a visit or meeting
- tell us if you do not understand something
- tell us what help you think you need

It is fine to feel angry or worried. You can tell your social worker how you feel.

## If it is not working

Sometimes a relationship does not work well. Please tell us. First, try talking to your social worker. If that does not help, ask to speak to their manager. You can also [give feedback or make a complaint](/guide/feedback-and-complaints/).

> Making a complaint will not change the help your family gets from us.
""",
        "children": """Your social worker is there to help keep you safe and well. This page tells you what they will do.

## What your social worker does

Your social worker will:

- come to see you, at home or somewhere else
- talk with you, sometimes on your own
- listen to what you think and feel
- tell you the truth, even when it is hard
- tell you if they are worried, and why
- explain what they write about you
- come when they say they will

They cannot always do what you want. But they will tell you why.

## The same person

We try to keep the same social worker with your family. Then you can get to know them. And they can get to know you.

## Your social worker gets help too

Your social worker talks to their boss a lot. This helps them think about the best way to help you.

## If something is not right

Tell your social worker if you are not happy. Or tell another grown-up you trust. They can help you tell us. You will not get in trouble. You can read about [how to tell us what you think](/guide/feedback-and-complaints/).

You can also call Childline on 0800 1111. It is free.
""",
    },
    {
        "slug": "how-we-work-with-you",
        "title": "How we work with you",
        "summary": "How we look at the relationships around your child, listen to every point of view, and see you as the expert in your own life.",
        "parents": """We use a way of working called systemic practice. This part explains what it means for your family. Some of our social workers and managers have trained in it.

## Looking at relationships

Systemic practice looks at the relationships in your family. It also looks at the people around you. When things go wrong, we do not look for one person to blame. We look at what is going on between people.

For example, a child may be angry at school. We will not just see an angry child. We will ask what is going on around them. Who do they get on with? What has changed at home or with friends?

Your social worker is part of this too. What we say and do affects your family. So we think about our own part. If our work together is not going well, it is our job to help fix it too.

## You are the expert in your own life

You know your family better than anyone. You have skills and strengths, even when life is hard. We want to find them and build on them.

## Hearing every point of view

There is rarely one true story about a family. Each person sees things in their own way. A parent, a child and a grandparent may all tell it differently. Each view matters.

So we want to hear from everyone. This includes your children. It can also include wider family, such as grandparents, aunts and uncles. It can include friends who help you. We will talk with you first about who to involve.

## Questions we might ask

Our questions may sound a bit different. They can help everyone see things in a new way. We might ask:

- Who in your family would notice first if things got better?
- What would your child say is going well?
- When things were easier, what was different?
- Who do you turn to when you need help?

We might also draw a family tree with you. Social workers sometimes call this a genogram. It helps us see who is in your family and how people connect.

## Support for our team

A systemic psychotherapist works with our team every week. This is an expert in family relationships. They help us think about our work with families. They also help us learn and get better together.
""",
        "children": """This page is about how we think about you and your family.

## The people around you

You are part of a family. You also have friends, teachers and other people in your life. They all matter. We look at how everyone gets on.

When things are hard, we do not look for one person to blame. We try to find out what is going on between people. If grown-ups are having problems, it is never your fault.

## Everyone sees things differently

Think about a football match. Each fan sees it from a different seat. Families are a bit like that. Each person sees things in their own way.

So we want to hear from everyone. That means you too. You know a lot about your own life.

## Questions we might ask

We might ask you things like:

- Who makes you laugh?
- Who would notice first if things got better?
- If you had a magic wand, what would you change?

There are no wrong answers. You can say "I don't know". You can say "I don't want to talk about that". Both are OK.

We might draw a family tree with you. It shows who is in your family.

## If you need to talk

You can talk to your social worker. You can talk to any grown-up you trust. You can also call Childline on 0800 1111, day or night.
""",
    },
    {
        "slug": "signs-of-safety",
        "title": "Signs of Safety",
        "summary": "The simple tools we use when we are worried about a child's safety: three questions, a 0 to 10 scale, the three houses and a safety plan.",
        "parents": """When we are worried about a child's safety, we use an approach called Signs of Safety. It gives us simple tools to talk things through with you. It helps us be clear and honest. It also helps us see what you are doing well.

We mostly use these tools in child protection work. This is work we do when a child may be at risk of harm. Our assessments in this work follow the same ideas. An assessment means we get to know your family and what help you need.

## Three questions

We build our work around three questions:

1. What are we worried about?
2. What is working well?
3. What needs to happen?

We ask you and your children. We also ask your network. This means the family and friends who support you. We give our own answers too. We write down everyone's views, even when they are different.

We will say exactly what worries us, in plain words. We will also write down what is going well. Your strengths count too.

## The 0 to 10 scale

We often ask people to pick a number from 0 to 10.

- 10 means everyone agrees your child is safe enough. There is no more worry, so we can close your case. This means we stop working with your family.
- 0 means things are so worrying that your child cannot safely stay at home for now.

We will ask where you think things are now. We will tell you where we think they are. Your number may be different from ours. That is fine. It helps us talk. We might then ask, "What would move it up by one?"

## Tools for children

We use simple tools to hear from children. One is called the three houses. Your child draws or writes in three houses:

- the house of worries, for things that worry them
- the house of good things, for what is going well
- the house of dreams, for how they would like life to be

We will talk with your child about what to share with you.

We may also use words and pictures. This is a short story with simple drawings. It tells your child why we are working with your family and what is happening. We make it with you, so it can use your family's own words.

## Your safety plan

A safety plan says what everyone will do to keep your child safe. We make it with you and your network. It is not a plan we make for you. We build it together. It uses clear, everyday words, so everyone knows their part. We check it often and change it when we need to.

Read more about [meetings and plans](/guide/meetings-and-plans/).
""",
        "children": """Sometimes grown-ups worry that a child is not safe. Then we use something called Signs of Safety. It helps everyone talk about worries in a clear way. Your social worker is there to help keep you safe.

## Three questions

We ask three questions:

1. What are we worried about?
2. What is going well?
3. What needs to happen?

We want to hear your answers too.

## The three houses

Your social worker might ask you to fill in three houses:

- a house of worries, for things that worry you
- a house of good things, for things that make you happy
- a house of dreams, for how you wish things could be

You can draw or write in them. There are no wrong answers. Your social worker will talk with you about who sees them.

## Numbers from 0 to 10

We might ask you to pick a number from 0 to 10. 10 means everyone agrees you are safe. There is nothing left to worry about. 0 means the worries are so big that a child cannot stay safely at home for now.

Any number you pick is OK. If a child has to live somewhere else for a while, it is never their fault.

## A plan to keep you safe

Grown-ups who care about you make a safety plan. It says what each person will do to keep you safe. You can help with it too.

If you feel unsafe, tell a grown-up you trust. You can call Childline on 0800 1111. If you are in danger right now, call 999.
""",
    },
]

import type { LibraryFormat } from "../library/schema.js";

/**
 * The CPD Paths of seed 002 ("Level 5 – Continuing Professional Development & Recertification",
 * Component 1), as the demo catalog generator builds them: title, category, description, contents by
 * format and total duration exactly as the seed gives them. Featured paths name their steps; the "Other
 * CPD Paths" give an item count and duration only (their formats are ours: the seed does not say).
 */
export type SeedPath = {
  key: string;
  title: string;
  category: string;
  featured: boolean;
  description: string;
  contents: Partial<Record<LibraryFormat, number>>;
  durationMinutes: number;
  /** Featured paths: one title per step, in order, formats in the order of `contents`. */
  stepTitles?: string[];
  /** Other paths: how generated step titles start ("Episode", "Bite", ...). */
  stepLabel?: string;
  topics?: string[];
};

const hm = (h: number, m: number) => h * 60 + m;

export const SEED_PATHS: SeedPath[] = [
  {
    key: "scaling-customer-success",
    title: "Scaling Customer Success",
    category: "Leadership Skills for CS",
    featured: true,
    description:
      "The “Scaling Customer Success” CPD Path is a comprehensive four-part training session designed to equip professionals with the knowledge and skills necessary to effectively scale customer success within their organizations. This program focuses on two key aspects: cost-effective methods to extend customer success services to a larger customer base and intelligent segmentation strategies based on customer-centric criteria.",
    contents: { article: 2, video: 4 },
    durationMinutes: hm(1, 56),
    stepTitles: [
      "Why Scale Customer Success? A Primer",
      "Segmenting Customers by the Outcomes They Need",
      "Session 1: Extending CS Coverage Without Extending Headcount",
      "Session 2: Customer-Centric Segmentation in Practice",
      "Session 3: Pooled, Digital and Named Coverage Models",
      "Session 4: Measuring Whether Your Scaled Model Works",
    ],
  },
  {
    key: "cs-leadership-skills",
    title: "CS Leadership Skills",
    category: "Leadership Skills for CS",
    featured: true,
    description:
      "Leading Customer Success is never easy and requires Customer Success Leaders to continually develop their skills. Luckily Practical CSM is offering a Customer Success Leadership webinar series designed to sharpen executives’ Customer Success awareness, performance mindsets, negotiation techniques, creativity and problem-solving ability.\n\nThis series of eight webinars covers an extensive range of leadership topics, such as Executive Awareness, Performance Mindsets, Radical Creativity, Solving Real Problems and Effective Reporting. These webinars will give Customer Success Leaders the insights they need to better understand their clients’ needs; allowing them to provide more value and drive greater business results in the long term.",
    contents: { video: 6 },
    durationMinutes: hm(6, 4),
    stepTitles: [
      "Executive Awareness for Customer Success Leaders",
      "Building Performance Mindsets in CS Teams",
      "Negotiation Techniques for CS Executives",
      "Radical Creativity in Customer Success",
      "Solving Real Problems, Not Symptoms",
      "Effective Reporting to the Board and the Business",
    ],
  },
  {
    key: "modern-cs-service",
    title: "Developing, Implementing & Managing a Modern CS Service",
    category: "Leadership Skills for CS",
    featured: true,
    description:
      "Developing, Implementing and Managing a Modern CS Service is an 11-part webinar path with Rick Adams and Peter Armaly, focused on building a practical, end-to-end Customer Success service. It walks through modern CS challenges, research and gap analysis, customer segmentation, role design and automation, frameworks, systems and processes, enablement (training, coaching), and then measurement, reporting, and cross-functional collaboration to keep the service improving over time.",
    contents: { video: 11 },
    durationMinutes: hm(11, 7),
    stepTitles: [
      "Part 1: The Challenges of Modern Customer Success",
      "Part 2: Research and Gap Analysis",
      "Part 3: Segmenting the Customer Base",
      "Part 4: Designing CS Roles",
      "Part 5: Where Automation Belongs",
      "Part 6: Choosing a CS Framework",
      "Part 7: Systems and Processes",
      "Part 8: Enablement Through Training",
      "Part 9: Coaching CSMs",
      "Part 10: Measurement and Reporting",
      "Part 11: Cross-Functional Collaboration and Continuous Improvement",
    ],
  },
  {
    key: "csm-power-skills",
    title: "CSM Power Skills",
    category: "Skills Training",
    featured: true,
    description:
      "Customer Success Management is one of those roles that sits in the middle of many existing duties. It takes aspects of each of them (and more) and re-utilizes those aspects for its own purpose – that of assisting the customer to attain its desired or required outcomes from the products and services it has purchased from us. To be a good Customer Success Manager, therefore, requires an in-depth understanding of many different skills; from data analysis through to stakeholder management and everything in-between.",
    contents: { video: 10 },
    durationMinutes: hm(10, 20),
    stepTitles: [
      "Data Analysis for CSMs",
      "Stakeholder Management",
      "Consultative Questioning",
      "Commercial Awareness",
      "Project Management Essentials",
      "Presenting With Confidence",
      "Handling Objections",
      "Time and Portfolio Management",
      "Written Communication That Gets Read",
      "Influencing Without Authority",
    ],
  },
  {
    key: "tech-startup-growth",
    title: "Driving Tech Startup Growth Through CS",
    category: "Startups",
    featured: true,
    description:
      "Driving Tech Startup Growth Through CS is a focused CPD path designed for early-stage SaaS and B2B tech companies that want to use Customer Success as a growth lever, not just a support function. Created in partnership with the OneEleven accelerator in Toronto, this miniseries combines short expert interviews with practical companion PDFs, giving both insight and structured takeaways.\n\nAcross 14 items, the path explores what to consider when introducing Customer Success in a startup environment, how CS reduces churn and increases renewals, and how it directly supports expansion revenue. It includes conversations with startup leaders and CS practitioners, alongside concise downloadable summaries that help translate ideas into action.\n\nThis path is ideal for founders, startup CSMs, and post-seed teams who need clarity on where CS fits, what training is required, and how to position Customer Success as a strategic driver of sustainable growth.",
    contents: { video: 7, download: 7 },
    durationMinutes: hm(2, 23),
    stepTitles: [
      "Interview: Introducing CS in a Startup",
      "Interview: How CS Reduces Churn",
      "Interview: Renewals From Day One",
      "Interview: CS and Expansion Revenue",
      "Interview: A Founder on Hiring the First CSM",
      "Interview: Training a Startup CS Team",
      "Interview: Positioning CS as a Growth Driver",
      "Companion PDF: Introducing CS in a Startup",
      "Companion PDF: Churn Reduction Checklist",
      "Companion PDF: Renewal Readiness",
      "Companion PDF: Expansion Revenue Map",
      "Companion PDF: First CSM Hiring Guide",
      "Companion PDF: Startup CS Training Plan",
      "Companion PDF: CS Growth Positioning",
    ],
  },
  {
    key: "best-possible-csm",
    title: "Becoming the Best Possible CSM",
    category: "Skills Training",
    featured: true,
    description:
      "The basics are the foundations, and now that you have built your own foundation, it is time to grow to the next stage and become the best possible CSM that you can be.\n\nIn the first section of the Essential Skills for CSMs program, you were introduced to the most essential personal skills that are necessary for a Customer Success Manager to succeed in their role. But now you have learned these skills, how can you put them into practice, and start generating value for your customers and (ultimately) for your own company? Becoming the Best Possible CSM discusses how to utilize those skills to drive value – the best way.",
    contents: { video: 12 },
    durationMinutes: hm(3, 16),
    stepTitles: [
      "From Skills to Value",
      "Knowing the Customer's Business",
      "Planning Success With the Customer",
      "Running Value Reviews",
      "Turning Risk Into Action",
      "Working the Whole Account",
      "Partnering With Sales",
      "Partnering With Product",
      "Advocacy and References",
      "Using Data to Tell the Story",
      "Managing Your Own Growth",
      "The Habits of Outstanding CSMs",
    ],
  },
  {
    key: "basic-skills-for-csms",
    title: "Basic Skills for CSMs",
    category: "Skills Training",
    featured: true,
    description:
      "Our Basic Skills for CSMs program covers each of the fundamental skill areas that a successful Customer Success Manager will draw upon to do their job well. Containing a wide range of skills from problem identification to dealing with difficulties, the Basic Skills for CSMs program is a comprehensive range of courses, teaching you the basics of each essential skill, in order to help you to achieve value for your customers.\n\nBegin your journey to becoming an effective CSM that knows how to drive growth, reduce churn, and generate rapid value for customers and for your own company!",
    contents: { video: 24 },
    durationMinutes: hm(6, 44),
    stepTitles: [
      "Problem Identification",
      "Active Listening",
      "Asking Good Questions",
      "Empathy at Work",
      "Clear Explanations",
      "Email Etiquette",
      "Running a Customer Call",
      "Meeting Agendas",
      "Taking and Sharing Notes",
      "Setting Expectations",
      "Saying No Constructively",
      "Prioritising Your Day",
      "Follow-Up Discipline",
      "Basic Product Demonstrations",
      "Reading Usage Data",
      "Spotting Early Warning Signs",
      "Escalating Well",
      "Dealing With Difficult Conversations",
      "Handling Complaints",
      "Building Rapport",
      "Understanding Renewals",
      "Understanding Upsell and Cross-Sell",
      "Working With Support",
      "Your First 90 Days as a CSM",
    ],
  },
  {
    key: "cx-field-manual",
    title: "CX Field Manual",
    category: "Customer Experience",
    featured: true,
    description:
      "CX Field Manual is a structured 8-part video series focused on building and strengthening a Customer Experience Management program that delivers measurable business value.\n\nUsing a clear, field-manual style structure, the series walks through the full CX journey – from defining the mission and leadership mindset, to organizing the CX function, assessing current performance, gathering customer intelligence, and developing practical action plans. It then moves into execution topics such as inspection, alignment at senior level, and maintaining situational awareness across the organization.\n\nThis path is designed for CX leaders, senior managers, and Customer Success professionals who want a disciplined, strategic approach to Customer Experience – one that connects customer insight, organizational structure, and leadership alignment into a coherent, actionable program.",
    contents: { video: 8 },
    durationMinutes: hm(6, 34),
    stepTitles: [
      "Chapter 1: Mission and Leadership Mindset",
      "Chapter 2: Organizing the CX Function",
      "Chapter 3: Assessing Current Performance",
      "Chapter 4: Gathering Customer Intelligence",
      "Chapter 5: Developing Action Plans",
      "Chapter 6: Inspection",
      "Chapter 7: Alignment at Senior Level",
      "Chapter 8: Situational Awareness",
    ],
  },
  other(
    "practical-csm-podcasts",
    "Practical Customer Success Management Podcasts",
    "Customer Success Operations",
    { audio: 88 },
    hm(47, 49),
    "Podcast",
    "Practical Customer Success Management podcast episodes: conversations with practitioners on the everyday craft of customer success.",
  ),
  other(
    "bite-size-learning",
    "Customer Success Bite-size Learning",
    "Skills Training",
    { video: 58 },
    hm(5, 56),
    "Bite-size",
    "Short videos of a few minutes each, one idea at a time, for learning between meetings.",
  ),
  other(
    "new-customer-engagement",
    "Preparing for a New Customer Engagement",
    "Onboarding & Adoption",
    { article: 2, video: 3, download: 2 },
    hm(2, 22),
    "Engagement prep",
    "What to do before the kick-off: research, stakeholders, success plans and the first meeting.",
  ),
  other(
    "cs-book-club",
    "Customer Success Book Club",
    "Career Development",
    { video: 18 },
    hm(8, 42),
    "Book Club",
    "Book club sessions discussing the books that shaped customer success practice.",
  ),
  other(
    "thought-leaders-interviews",
    "Customer Success Thought Leaders Interviews",
    "Leadership Skills for CS",
    { video: 19 },
    hm(17, 34),
    "Interview",
    "Long-form interviews with customer success thought leaders about where the discipline is going.",
  ),
  other(
    "cs-digital-era",
    "Customer Success in the Digital Era",
    "Digital Customer Success",
    { video: 3 },
    hm(3, 0),
    "Digital Era",
    "Three sessions on digital-led customer success: scaled programs, automation and community.",
  ),
  other(
    "practical-csm-framework",
    "Practical CSM Framework",
    "Customer Success Operations",
    { video: 5, tool: 1 },
    hm(5, 54),
    "Framework",
    "The Practical CSM Framework phase by phase, with a planning tool to apply it to your own accounts.",
  ),
  other(
    "women-leaders-in-cs",
    "Women Leaders in Customer Success",
    "Leadership Skills for CS",
    { video: 12 },
    hm(6, 32),
    "Women Leaders",
    "Conversations with women leading customer success teams about careers, leadership and change.",
  ),
  other(
    "cs-leadership-conversations",
    "Customer Success Leadership Conversations",
    "Leadership Skills for CS",
    { video: 8 },
    hm(6, 41),
    "Leadership Conversation",
    "Customer success leaders in conversation about strategy, teams and the executive agenda.",
  ),
  other(
    "cs-debates",
    "CS Debates",
    "Customer Success Operations",
    { video: 4 },
    hm(3, 6),
    "Debate",
    "Structured debates on contested questions in customer success, with the audience voting.",
  ),
];

function other(
  key: string,
  title: string,
  category: string,
  contents: SeedPath["contents"],
  durationMinutes: number,
  stepLabel: string,
  description: string,
): SeedPath {
  return { key, title, category, featured: false, description, contents, durationMinutes, stepLabel };
}

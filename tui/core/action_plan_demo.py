"""Example action plans for ``framewheel --demo``, from the Technician Commitment self-assessment in the seeds.

The milestones and comments are those of its Appendix A (RAG analysis 2018-2020)
and the actions and focus years those of its Appendix B (2021-2023 action plan),
word for word except that people's names, emails and phone numbers are left out.
The source's RAG column was colours that the text lost, so the ratings here are
an example, and the plans say so. No Textual here.
"""

from __future__ import annotations

from typing import Protocol

from tui.core.action_plans import ActionPlan, PlanItem, PlanSection


class AddsPlans(Protocol):
    """Somewhere plans can be stored (the action plans repository)."""

    def add(self, plan: ActionPlan) -> ActionPlan:
        """Store ``plan`` as a new record and return it with its id."""
        ...

RAG_ANALYSIS: tuple[tuple[str, tuple[tuple[str, str, str], ...]], ...] = (
    ('Ongoing Actions', (
        ('Confirm future project sponsorship and governance beyond phase 2 (June 2019 onwards)', 'green',
         'The Project Champion (2017-2019) met with their line manager and the Project Sponsor to resolve the future champion before the retirement date. A successor has been appointed, the Dean of Physics, Engineering and Computer Science, who has taken post from 01/04/19. The Technical Staff Project has moved into the Human Resources department and is being managed centrally. The Project Leader role (one day a week) was extended until end of July 2020.'),
        ('Complete biennial Self-Assessment and 24-month Action Plan for Science Council / Technician Commitment', 'green',
         'The approved and published versions of the current action plan and self-assessment can be found here: https://www.herts.ac.uk/about-us/governance/technical-staff The next 3-year action plan and self-assessment is due in December 2020 and will be in line with our new strategic plan, project and departmental objectives, alongside our commitment to technical staff through the Technician Commitment signed in May 2017. This is to be reviewed by our Chief Executives Group before publication and initiation in December 2020.'),
        ('Collating and publishing nationally recognised development opportunities.', 'green',
         "These development opportunities are the opportunities we publish currently, which included options to go on placement to the Royal Institution to work as a runner on their Christmas programming when they are filmed, working with their scientific props team, opportunities to attend the Royal Society of Chemistry's conference for technical staff and the Technician Commitment conferences and events, held at locations such as the Tower of London and the University of Birmingham. In addition to this, promotion towards the biennial Papin awards, which celebrate technical staff across all Higher Education and is a set of awards exclusively for technical staff. We envisage continuing to support such development and networking opportunities. We have also promoted HEaTED's development programmes and workshops applicable to our technical staff."),
        ('Promote good practice at local level to enhance visibility of technical staff within area', 'green',
         "Whilst work had been progressive towards a technical staff category within the Vice-Chancellors Awards, this had not been included in the 2018/19 academic year. Work continued to pursue this for the next academic year and the Project Leader liaised with various key stakeholders and users in this regard. This has now been successfully implemented in the 2020 awards and we have had over 50 nominations so far for 'Technician of the Year'. The project has also made great progress in the Visibility of technical staff, this has been within the internal magazine we publish alongside the creation of a0 posters of technical staff for a 'technical takeover' this year. In addition to this, technical staff have been included within the creation of the 3-year action plan in a much deeper way through the steering group and will also be included in the publication of this, via a brochure format with their photos being included in the document created.\n\nAdditionally, technical staff have access to a wide range of development at UH, ranging from Health and Safety, GDPR compliance, appraisal training, and Transition to leadership (TTL), as well as specialist training in their Departments."),
        ('Building and enhancing technical networks and enabling relationships/mentoring within the technical community', 'amber',
         'For over 12 months, we ran a monthly drop-in session for technical staff to meet other like-minded individuals across all the technical disciplines. Attendance at these were encouraged but not mandatory and numbers were low. This initiative was discontinued, and other avenues of technical networks are currently being identified. This is currently looking to be in way of the technical showcase events and other internal events that technical staff are encouraged to attend.'),
        ('Evaluating the impact of technical staff and their influence on the Student Experience', 'red',
         'We have been unable to gain a detailed understanding of technical staff impact on the student experience and journey. We need greater visibility of technical staff to student ratios and teaching hours, alongside Recognition of their contribution to curriculum planning, student feedback, tutor sessions and fully led demonstrations within the laboratory environment.\n\nWith a view to be included within HESA, MFQs and the National Student Survey, these will not be changed within the time frame initially specified but are still high on the agenda of items we wish to influence, as student experience and impact is at the forefront of what we offer as a University.\n\nThe project is making positive progress in many areas to this regard, including contacting the NSS in inclusion of a section dedicated to addressing the impact technical staff have, we are also creating a survey to address many questions to the technical staff body, one of which is the impact the technical staff make on teaching, learning and research and how best to make this known internally and externally.'),
        ('Encouragement of technical staff to engage with project objectives', 'amber',
         "Whilst our original goal was to have technical staff increase their uptake on professional registrations with a view at gaining the Science Council's 'Employer Champion' status, with our development review it would not be possible at the time to enable us to create workshops dedicated to a minimum of six champion technical staff, evidencing and interviewing with an aim of achieving said professional registrations. This is something that we wish to continue promoting and will continue to accordingly. In addition, it is not possible, without asking the individuals themselves as to whether they have achieved a professional registration without our knowledge, as this is a personal achievement and retained should they no longer work at the organisation. We are looking to engage with the technical staff to tally which technical staff are professionally registered.\n\nWe have had engagement from twelve members of technical staff for additional development, of which bids of up to £500 were applicable with a total of £3000. Of those twelve, four were resolved without the need for additional funding by internally available resolutions. Seven were accepted and one was rejected as it did not meet the appropriate criteria and the funding was fully utilised. The feedback from this available resource was very well received and we hope to continue with this initiative or something similar over the coming years.\n\nAdditionally, we have had an uptake of technical staff involved within the project steering group meetings, project documentation and many more individuals have been involved with the creation and input for a new career pathways framework."),
    )),
    ('Visibility', (
        ('Marketing and Communications strategy for the development of supporting internally and externally facing websites and publications', 'green',
         'We have been successful in creating an area on our external website, content on HertsHub (our Intranet), contributions to the FACES e-newsletter and technical contributions to the magazine. We have created our own technical staff newsletter Connect-Tech but have decided to discontinue this method of communication. We have also increased participation at technician led internal events such as HertsTech. The Project Leader has written an article for the Technician Commitment and this has been published.'),
        ('Establishing local communication activities for the Technical staff community', 'green',
         "With increased participation in HertsTech, our technical staff led networking event; and a science led Café Scientifique with a similar theme albeit Science oriented, it is imperative we continue to provide such networking opportunities for technical staff in the coming years and aim to increase and promote attendance to such events. Whilst we have discontinued the HertsTech drop in sessions, technical staff are still meeting regularly at different events which contributes towards our Technician Commitment initiative.\n\nMembers of the steering group represent various areas of the University and have spread the word and promoted activity locally; alongside working collaboratively with technical staff to them a 'voice' in the creation of documents such as the action plan."),
        ('Establish links and affiliations with partnership institutes and local FE/HE Colleges', 'red',
         'Though not something addressed so far, we wish to address the suitability of involving local FE/HE Colleges and partnerships with local and national institutes to better understand the needs of the organisation and whether collaboration is the best approach to a talent pipeline, in line with the development of a new career pathway and development framework for technical staff.'),
        ('Introduce a biennial Technical Staff Conference from 2019/20', 'amber',
         'This is something we have started work towards and we have many members of staff interested in helping arrange an event. The project leader has created a breakdown of estimated costs alongside a recommendation for duration and time of the year for the next conference and a member of the project steering group is leading on organising the event over the course of 2020.'),
        ('Identify all Technical Staff employed by UH', 'green',
         'From original HRIS reporting, a survey to all heads of departments and deans of school, a request from the technical staff themselves and further filtering and liaising with HR, we now have a full list of all current technical staff. There is works in the background to make sure those that leave are marked and equally any new starters with a technical aspect are marked we are made aware of their employment. The project leader now has access to leavers and joiners with roles tagged as technical, and works are in progress to create a custom field within the HR system to mark someone as technical in addition to their other employment tags.'),
    )),
    ('Recognition', (
        ('Promote Professional Registration with support from CEG', 'amber',
         'It has been agreed at senior management level that departments are able to budget for individuals for the first year of study for professional registration according to requests from individual technicians.\n\nWe are also applying the same logic for technical staff considering applying for Fellowships, we envisage a similar process of application and workshops of evidencing and interview skills and will continue to promote both accordingly.'),
        ('To increase submissions by technical staff for a range of national and international awards and publications', 'green',
         'We had over fifteen nominations for the Papin Awards, a nationally recognised award dedicated to technical staff for a variety of categories and 1 colleague shortlisted as a finalist at the Higher Education Technicians Summit recently held in June 2019 at the University of Birmingham. We have also secured future sponsorship through the Science Council of a technician only category for the Times Higher Education. The Project Leader was also invited to sit on the board for shortlisting with THE for the future category due to his work in securing the category for higher education and was personally thanked by Times Higher Education, the Science Council and the Technician Commitment for his work acting as go-between to secure this category for the future; he was also nominated on behalf of the organisation within the category. We will continue to support and promote this category to applicable staff when nominations are open.'),
        ('Evidencing the role of technical staff in Teaching and Learning', 'red',
         'Due to not being able to include the technical staff within the HESA return fully we have been unable to fully evidence the role of technical staff in teaching and learning any further than opinion currently. This is an area on which we wish to directly engage with students and technical staff to measure their current level of understanding and impact, to directly influence and measure the success of the project over future changes implemented throughout the year. A paper has been published through the Technician Commitment surrounding the mental health and well-being support that technical staff provide to students, and we have recommendations to consider implementing at an SBU level at which the Project Leader is also managing; these areas are addressed in the new action plan and steps are being taken to look into the technical staff and their impact on the student experience on the whole.'),
        ('To explore the development and approval of a new hybrid role of Technician/Lecturer, with appropriate review of grading', 'amber',
         'The job description and person specification has been approved in principal, and we are looking at evaluating the role and creating a resource for departments to allocate these roles to those technical staff involved in the teaching and learning within departments. They will be an available resource to their schools for teaching and learning responsibilities, this is with a view at saving money over time with the Visiting Lecturers and Casuals alongside recognition and development for the technical staff. This will be in conjunction with starting the review of technical staff career pathways and their associated pay and gradings, which is one of the main goals of the new action plan.'),
        ('Aim to introduce a category specific to technical staff for the VC Awards', 'green',
         "Whilst work had been progressive towards a technical staff category within the Vice-Chancellors Awards, this had not been included in the 2018/19 academic year. Work continued to pursue this for the next academic year and the Project Leader liaised with various key stakeholders and users to this regard. This has now been successfully implemented in the 2020/2021 awards and we have had over 50 nominations so far for 'Technician of the Year'."),
        ('To commence application for Employer Champion Status', 'red',
         'Whilst becoming members of the Technician Commitment, UH has only had one additional member of technical staff become officially professional registered through the Science Council directly that we are aware of. There is a minimum of six before we are able to apply for the Champion Status. We currently have another technical manager starting their application process, of which is ongoing. We will continue to support this; we will not commence application for Employer Champion Status until these conditions have been met.'),
        ("To gain commitment for a review of pay and grading including progression criteria for technical staff to ensure fairness and transparency across SBU's", 'amber',
         'This process was originally started in 2019 but the scope of the project dictated that "reviewing the organisational structure of technical staff" was out of scope. The scope has now been altered slightly in that the career pathways of all technical staff in schools is to be main point of focus, with a view of creating an aspirational career pathway and associated development framework. This in turn will create clear routes for all technical staff and may lead to a consideration for a review of pay and grading.'),
    )),
    ('Career Development', (
        ('To support the development of technical career pathways through publishing examples of discipline specific case studies', 'amber',
         'This is now a priority for the next action plan, and we have a first draft iteration for a clear career pathway and associated development framework for technical staff within our schools. This development is supported by our senior management team and will be progressing over the course of the next year.'),
        ('To support the development of opportunities for technical staff through avenues such as: Apprenticeships; mentoring, coaching and shadowing etc.', 'green',
         'Whilst the development offering is under review and continually changing, the university is offering technical colleagues, in line with professional staff an appropriate course of development opportunities and these offerings are regularly communicated to the technical community. This is demonstrated by the allocation of up to ten CPD days of which the individual is empowered to discover various internal courses, digital learning or appropriate courses. This is alongside the shadowing scheme, coaching, mentoring, apprenticeships and leadership programmes available.'),
        ('To make available and promote a pool of resources that provide career planning toolkits', 'red',
         'Initially anticipated to be possible via a SharePoint area, we have not been able to start this process; this will now be included as part of the career pathways and associated framework that is currently under development.'),
        ('Maintain and evolve membership of Higher Education and Technicians Education Development (HEaTED)', 'amber',
         "Renewed membership to HEaTED was considered, with increased participation at regional network events and we had agreed in principal to host a regional event for the organisation, as we have previously. We have not currently renewed our subscription to HEaTED and they have also now merged with the National Technician Development Centre (NTDC); we have enquired into the costs and benefits of joining as a 'Partner Affiliate' to this new joint venture but are yet to hear back as to the new cost bands."),
    )),
    ('Sustainability', (
        ('To identify areas of concern regarding balancing time constraints with development activities e.g. off the job training', 'amber',
         'The project aims to produce a paper of recommendations as to inter-departmental changes and continuations to bring about a better balance between time constraints, e.g. rotas, and development activities. It is an area in which there is concern over rota management and people management that we wish to be able to address and we have made positive changes to those who have had difficulty in cover for their role and the opportunities available to them. Additionally, the paper will also allow us to highlight good working practices and will include the provision for mental health and well-being support for technical staff and to students in line with recent recommendations from the papers published by the Technician Commitment and the Project Leader will be working on this paper for circulation when available.'),
        ('To identify means of delivering succession planning to support the future business needs of specialist roles', 'amber',
         'We have looked in small detail at the opportunities within the areas of STEM and there is potential to plan for successors within certain areas. There is also potential to include apprentices as part of these potential changes. This is an area that will be addressed within the career pathways and development framework which is currently in development and part of our 3-year action plan.'),
        ('To develop strategy to enable professional registration, apprenticeships, etc.', 'green',
         'This is something we have addressed at a departmental level and has been agreed that individuals may request development in these areas. We have had a large uptake of apprentices within the technical staff and envisage this to rise further; we have had great support from managers in nominees for apprenticeships and envisage this to continue.'),
        ('Evidencing the impact of technical staff on the student experience', 'amber',
         'This is an area we have addressed in minor detail and works are ongoing to accurately and responsibly measure the impact of technical staff on the student experience throughout all departments. This is an area we will be continuing to work on and are intending on surveying the technical staff as a starting point.'),
        ('Collaborate with local education authorities to promote technical careers and work experience opportunities', 'red',
         'This is not an item in which we have had time to pursue at great length, but considerations will be made as part of the career pathways which is in development within the new action plan.'),
        ('Increase student work experience placements by creating guidance and resources for managers', 'red',
         'This is not an item in which we have had time to pursue at great length, but considerations will be made as part of the career pathways which is in development within the new action plan.'),
        ("Complete Self-Assessment annually to remain compliant towards Employer Champion Status to reiterate the University's commitment towards the Technical Staff community", 'green',
         'This is something we have achieved and will continue to maintain throughout the year in anticipation of the next required submission.'),
        ('To meet criteria for UH to become an Employer Champion', 'amber',
         'We have been unable to secure a pilot group within the departments but will continue to look into the possibility of this. This is still an achievable goal and we wish to pursue with a pilot group within each department applicable. We wish to create an application process within each department for nominees to come forward for the process and this is in progress within the new action plan.'),
    )),
    ('Technical Staff Wellbeing', (
        ('To make available and promote a pool of wellbeing resources tailored specifically to meet the needs to Technical staff', 'green',
         'Links to our Employee Assistance Programme, Mindfulness, Counselling, Mentoring, coaching etc. – These were collated and published accordingly through internal communications and we will continue to support and encourage such wellbeing resources going forward. Additionally, through the reports published by the Technician Commitment addressing technical staff and support of students and themselves with regard to mental health and well-being; the project will continue to work with the Director of Health, Safety and Sustainability and the department of Health and Safety, and Well-Being to ensure all recommendations can be covered and communicated to the technical staff going forward.'),
        ('To identify areas of concern regarding work-life balance', 'amber',
         'We will engage with departments and Health and Safety, and Well-Being with a view to tackling any issues that may arise from this area amongst others; positive steps have been made to address concerns raised and UH prides itself on its family friendly policies and flexibility when it comes to areas of concern regarding work-life balance; we will continue to do so within the new action plan.'),
    )),
)
"""Appendix A: (section, ((milestone, example rating, comment), ...)); the ratings are an example."""

ACTION_PLAN: tuple[tuple[str, tuple[tuple[str, tuple[int, ...]], ...]], ...] = (
    ('Ongoing Actions', (
        ('Drive progress in our Technical Commitment through executive sponsorship and governance.', (2021, 2022, 2023)),
        ('Refresh our Self-Assessment and monitor our Action Plan for completion through dedicated resources.', (2021, 2022, 2023)),
        ('Establish an process for collating and publishing nationally recognised development opportunities.', (2021,)),
        ('Ensure good practice is shared widely to promote the contributions of technical staff to the University, the wider community, teaching, enterprise and research.', (2021, 2022, 2023)),
        ('Monitor and track actions to recognise achievement and maintain progress.', (2021, 2022, 2023)),
    )),
    ('Staff Well-being', (
        ('Ensure equality gaps, health and wellbeing objectives are prioritised.', (2021, 2022)),
        ('Recognise the significant ‘essential worker’ contribution made by technical staff in supporting the UH community during the Covid-19 pandemic.', (2021,)),
        ('Promote a healthy lifestyle in collaboration with Hertfordshire Sports Village / Active Staff and local wellbeing plans.', (2021, 2022)),
        ('Record working arrangements giving consideration to supporting staff to work flexibly.', (2021,)),
    )),
    ('Visibility', (
        ('Ensure technical staff are included in local and institution-wide planning at operational and business level.', (2021,)),
        ('Create a dedicated technical staff communication channel.', (2021,)),
        ('Record all UH employed technical staff, and provide links to teaching, learning and research development activities.', (2021,)),
        ('Continue to hold internal showcases, events and conferences for technical staff.', (2021, 2022, 2023)),
        ('Continue to recognise the contribution of technical staff through University communications.', (2021, 2022, 2023)),
    )),
    ('Recognition', (
        ('Be proactive in seeking external recognition for technical staff through awards and publications.', (2022, 2023)),
        ('Define and implement a process for the ongoing promotion of professional registrations by linking to CPD allocations.', (2022, 2023)),
        ('Showcase the role and contribution of technical staff in Teaching and Learning.', (2021,)),
        ('Further develop the hybrid role of technician / tutor / lecturer for implementation within career pathways.', (2022,)),
        ('Submit application for Employer Champion status following confirmation of 6 successful professional registrations with Science Council.', (2022,)),
        ('Continue to ensure technical staff are eligible for recognition within the VC Awards scheme.', (2021, 2022, 2023)),
    )),
    ('Career Development', (
        ('Develop a career development framework for technical staff.', (2021, 2022)),
        ('Develop a set of job families, alongside a clear career pathway model, for technical staff at the University.', (2021, 2022)),
        ('Promote informal and formal development opportunities for technical staff (success criteria - apprenticeships; mentoring, coaching and shadowing etc.)', (2022, 2023)),
        ('Maintain and evolve membership of relevant organisations that champion and promote technical staff expertise and contributions within HE.', (2022,)),
        ('Review the technical development SkillUp! programme', (2021,)),
    )),
    ('Sustainability', (
        ('Meet the challenges of time constraints with development activities such as off the job training e.g. LinkedIn Learning', (2021, 2022, 2023)),
        ('Identify means of delivering succession planning to support the future business needs of specialist roles within career pathways: map out how technical staff can move within the University both in other areas in technical roles and other job families', (2022, 2023)),
        ('Develop strategy for staff retention within specialist areas, as well as develop a talent pipeline from apprenticeship level upward.', (2022, 2023)),
    )),
)
"""Appendix B: (section, ((action, focus years), ...)); not yet rated."""


def demo_plans() -> list[ActionPlan]:
    """The two example plans: the 2018-2020 RAG analysis and the 2021-2023 action plan."""
    analysis = ActionPlan(
        id=0, project="Technical Staff Project: RAG analysis 2018-2020 (example)",
        author="Project Leader and Project Champion", date="7 December 2020",
        period_from="April 2018", period_to="Present", status="Ongoing (example ratings)", example=True,
        sections=tuple(
            PlanSection(title, tuple(PlanItem(milestone, rag, comment) for milestone, rag, comment in items))
            for title, items in RAG_ANALYSIS
        ),
    )
    plan = ActionPlan(
        id=0, project="Institution action plan 2021-2023 (example)", author="Technical Staff Project",
        date="December 2020", period_from="2021", period_to="2023", status="Approved, not yet rated", example=True,
        sections=tuple(
            PlanSection(title, tuple(PlanItem(action, focus=years) for action, years in items))
            for title, items in ACTION_PLAN
        ),
    )
    return [analysis, plan]


def add_demo_plans(plans: AddsPlans) -> list[ActionPlan]:
    """Store the example plans (for ``--demo``) and return them as stored."""
    return [plans.add(plan) for plan in demo_plans()]

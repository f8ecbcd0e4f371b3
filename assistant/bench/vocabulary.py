"""Word pools for synthetic people: names from many cultures, invented companies, roles, places.

Every company here is invented. Names are common given names and surnames combined at random,
so no row describes a real person. Role-specific titles that the retrieval eval plants on
purpose (a nursing recruiter, an immigration lawyer, ...) are deliberately absent from
``TITLES`` so the eval's ground truth stays exact.
"""

from __future__ import annotations

# (given names, surnames) per naming culture; most people get both from one culture.
CULTURES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "anglo-irish": (
        ("Olivia", "Liam", "Siobhán", "Ciarán", "Hannah", "Gareth", "Fiona", "Declan", "Imogen",
         "Rhys", "Bethany", "Callum", "Niamh", "Eoin"),
        ("Brennan", "Whitfield", "O'Sullivan", "MacLeod", "Ashworth", "Pemberton", "Gallagher",
         "Thornton", "Kavanagh", "Hughes", "Fairbairn", "Lockhart"),
    ),
    "hispanic": (
        ("Mateo", "Lucía", "Valentina", "Joaquín", "Camila", "Santiago", "Ximena", "Diego",
         "Renata", "Emilio", "Guadalupe", "Rodrigo"),
        ("Ferrández", "Ortega", "Villalobos", "Castañeda", "Iglesias", "Montoya", "Cabrera",
         "Quintero", "Salgado", "Aranda", "Echeverría", "Zamora"),
    ),
    "lusophone": (
        ("João", "Beatriz", "Thiago", "Mariana", "Gonçalo", "Leonor", "Rafaela", "Caio",
         "Vitória", "Duarte"),
        ("Azevedo", "Carvalho", "Magalhães", "Nogueira", "Rebelo", "Tavares", "Sampaio",
         "Figueiredo", "Barros", "Quaresma"),
    ),
    "french": (
        ("Inès", "Théo", "Camille", "Mathilde", "Baptiste", "Élodie", "Lucien", "Margaux",
         "Aurélien", "Solène"),
        ("Dubois", "Lefèvre", "Moreau", "Girard", "Chevalier", "Fontaine", "Rousseau", "Mercier",
         "Delacroix", "Marchand"),
    ),
    "germanic": (
        ("Lukas", "Annika", "Jonas", "Friederike", "Maximilian", "Leonie", "Tobias", "Greta",
         "Matthias", "Johanna"),
        ("Becker", "Hoffmann", "Schäfer", "Wagner", "Krüger", "Vogel", "Zimmermann", "Brandt",
         "Eichhorn", "Lindemann"),
    ),
    "nordic": (
        ("Astrid", "Oskar", "Freja", "Magnus", "Ingrid", "Sindre", "Linnea", "Eero", "Sigrid",
         "Rasmus"),
        ("Lindqvist", "Østby", "Halvorsen", "Nyström", "Virtanen", "Bergström", "Dahl",
         "Korhonen", "Sundberg", "Mäkelä"),
    ),
    "central-european": (
        ("Łukasz", "Agnieszka", "Katarzyna", "Tomasz", "Zuzana", "Ondřej", "Oksana", "Taras",
         "Bence", "Réka"),
        ("Kowalczyk", "Nowak", "Dvořák", "Horváth", "Shevchenko", "Kovalenko", "Zieliński",
         "Novotný", "Szabó", "Bondarenko"),
    ),
    "mediterranean": (
        ("Giulia", "Lorenzo", "Chiara", "Alessandro", "Eleni", "Dimitris", "Sofia", "Nikos",
         "Federica", "Stavros"),
        ("Romano", "Esposito", "Bianchi", "Conti", "Papadopoulos", "Georgiou", "Karagiannis",
         "Marino", "Ferraro", "Antonopoulos"),
    ),
    "west-african": (
        ("Chiamaka", "Oluwaseun", "Adaeze", "Emeka", "Kwame", "Ama", "Yaw", "Folake", "Tunde",
         "Ngozi", "Kofi", "Abena"),
        ("Okafor", "Adeyemi", "Nwosu", "Balogun", "Mensah", "Asante", "Owusu", "Eze",
         "Okonkwo", "Adebayo", "Boateng", "Oyelaran"),
    ),
    "east-african": (
        ("Wanjiru", "Kamau", "Achieng", "Otieno", "Abebe", "Meseret", "Tsion", "Dawit",
         "Nyambura", "Baraka"),
        ("Mwangi", "Njoroge", "Ochieng", "Kiptoo", "Tesfaye", "Bekele", "Haile", "Wekesa",
         "Gebremedhin", "Kariuki"),
    ),
    "arabic": (
        ("Youssef", "Layla", "Omar", "Nour", "Karim", "Yasmin", "Tariq", "Salma", "Rania",
         "Hamza"),
        ("Haddad", "El-Amin", "Benali", "Mansour", "Khoury", "Nasser", "Bouzid", "Farouk",
         "Saleh", "Darwish"),
    ),
    "turkish-persian": (
        ("Elif", "Emre", "Zeynep", "Mehmet", "Dariush", "Shirin", "Arash", "Parisa", "Cem",
         "Nasrin"),
        ("Yılmaz", "Demir", "Aydın", "Çelik", "Tehrani", "Karimi", "Hosseini", "Rahimi",
         "Öztürk", "Jafari"),
    ),
    "south-asian": (
        ("Priya", "Arjun", "Ananya", "Rohan", "Kavitha", "Senthil", "Farhana", "Imran",
         "Deepika", "Vikram", "Sunita", "Harpreet"),
        ("Raghunathan", "Iyer", "Bhattacharya", "Chatterjee", "Venkatesan", "Siddiqui",
         "Kapoor", "Menon", "Rahman", "Patil", "Gill", "Deshpande"),
    ),
    "chinese": (
        ("Wei", "Xiaoling", "Jun", "Mei", "Haoran", "Yuting", "Zhiwei", "Lihua", "Jiahui",
         "Chenxi"),
        ("Zhang", "Chen", "Liu", "Huang", "Zhou", "Xu", "Lin", "Guo", "Tang", "Deng"),
    ),
    "japanese": (
        ("Kenji", "Yuki", "Haruto", "Aiko", "Sora", "Emi", "Takumi", "Naoko", "Ren", "Misaki"),
        ("Nakamura", "Takahashi", "Watanabe", "Kobayashi", "Yamamoto", "Fujita", "Inoue",
         "Matsuda", "Ishikawa", "Hayashi"),
    ),
    "korean": (
        ("Ji-woo", "Min-jun", "Seo-yeon", "Hyun-woo", "Eun-ji", "Dong-hyun", "Su-bin",
         "Jae-won"),
        ("Kim", "Park", "Choi", "Jung", "Kang", "Yoon", "Han", "Seo"),
    ),
    "southeast-asian": (
        ("Linh", "Minh", "Thảo", "Quang", "Maricel", "Paolo", "Ayu", "Budi", "Siti", "Anh"),
        ("Nguyễn", "Trần", "Phạm", "Santos", "Dela Cruz", "Reyes", "Wijaya", "Santoso",
         "Hoàng", "Villanueva"),
    ),
    "hebrew": (
        ("Noa", "Itai", "Yael", "Eitan", "Tamar", "Ariel"),
        ("Ben-David", "Friedman", "Mizrahi", "Peretz", "Shapiro", "Avraham"),
    ),
}

# Companies are "<stem> <sector>"; a few carry a legal suffix as exports often do.
COMPANY_STEMS = (
    "Tidewater", "Kestrel", "Brightleaf", "Quillfeather", "Ironbark", "Silverpine", "Copperline",
    "Harborview", "Meadowlark", "Saltmarsh", "Granite Peak", "Lanternfish", "Oakhollow",
    "Bluefinch", "Driftwood", "Emberline", "Foxglove", "Glasswing", "Hollowbrook", "Juniper Row",
    "Kingfisher", "Larkspur", "Mossgate", "Nettlefield", "Orchard Lane", "Pebblecreek",
    "Quarrystone", "Riverbend", "Sablewood", "Thistledown", "Umberfield", "Vantage Hill",
    "Willowmere", "Yarrowby", "Zephyrine", "Amberlight", "Basalt", "Cinderhouse", "Duskfall",
    "Evenstar", "Fernhill", "Goldcrest", "Heronsgate", "Inkwell", "Jasperline", "Kelpwater",
    "Lodestar", "Marigold", "Northcape", "Opaline", "Pinecrest", "Quietwater", "Rookery",
    "Stillwater", "Tallgrass", "Upland", "Verdigris", "Wrenfield", "Cobaltine", "Halcyon",
)
COMPANY_SECTORS = (
    "Logistics", "Bio", "Health", "Analytics", "Robotics", "Foods", "Software", "Energy",
    "Media", "Insurance", "Labs", "Systems", "Studio", "Consulting", "Retail", "Pharma",
    "Mobility", "Learning", "Freight", "Textiles", "Materials", "Games", "Water", "Hotels",
)
LEGAL_SUFFIXES = (", Inc.", " GmbH", " Ltd", " LLC", " S.A.", " B.V.")

# Roles any company has; SECTOR_TITLES adds the roles typical of its sector.
TITLES = (
    # technology
    "Software Engineer", "Senior Software Engineer", "Staff Engineer", "Engineering Manager",
    "Data Engineer", "Data Scientist", "Machine Learning Engineer", "Frontend Developer",
    "Backend Engineer", "Mobile Developer", "QA Engineer", "Security Analyst",
    "Solutions Architect", "CTO", "VP of Engineering",
    # product and design
    "Product Manager", "Senior Product Manager", "Product Designer", "UX Designer",
    "Head of Product",
    # data and analysis
    "Business Analyst", "Analytics Manager", "BI Developer",
    # marketing, sales, customers
    "Marketing Manager", "Growth Marketer", "Account Executive", "Sales Director",
    "Customer Success Manager", "Brand Strategist", "Communications Lead", "SEO Specialist",
    # people
    "Technical Recruiter", "HR Business Partner", "People Operations Lead",
    # finance and operations
    "Financial Analyst", "Controller", "Accountant", "Operations Manager", "Project Manager",
    "Program Manager", "Chief of Staff", "Founder", "Co-founder & CEO", "Executive Assistant",
    "Office Manager",
)
_HEALTH = ("Registered Nurse", "Charge Nurse", "Physical Therapist", "Pharmacist",
           "Clinical Research Coordinator", "Hospital Administrator", "Medical Lab Scientist",
           "Research Scientist", "Lab Manager")
_LOGISTICS = ("Supply Chain Analyst", "Logistics Coordinator", "Procurement Lead",
              "Warehouse Operations Lead", "Fleet Manager")
_MEDIA = ("Journalist", "Editor", "Photographer", "Graphic Designer", "Content Designer",
          "Producer")
_ENGINEERING = ("Civil Engineer", "Mechanical Engineer", "Research Scientist", "Architect",
                "Lab Manager", "Field Engineer")
_HOSPITALITY = ("Chef", "Food Safety Manager", "Guest Experience Manager", "Procurement Lead")
_FINANCE = ("Treasury Manager", "Tax Advisor", "Claims Adjuster", "Underwriter")
SECTOR_TITLES: dict[str, tuple[str, ...]] = {
    "Bio": _HEALTH, "Health": _HEALTH, "Pharma": _HEALTH,
    "Logistics": _LOGISTICS, "Freight": _LOGISTICS, "Retail": _LOGISTICS,
    "Mobility": _LOGISTICS, "Textiles": _LOGISTICS,
    "Media": _MEDIA, "Studio": _MEDIA, "Games": _MEDIA,
    "Energy": _ENGINEERING, "Water": _ENGINEERING, "Materials": _ENGINEERING,
    "Robotics": _ENGINEERING, "Labs": _ENGINEERING, "Systems": _ENGINEERING,
    "Foods": _HOSPITALITY, "Hotels": _HOSPITALITY,
    "Insurance": _FINANCE, "Analytics": _FINANCE, "Software": TITLES,
    "Learning": ("University Lecturer", "Instructional Designer", "School Counselor",
                 "Primary School Teacher", "Curriculum Lead"),
    "Consulting": ("Management Consultant", "Policy Advisor", "Urban Planner", "Paralegal",
                   "Corporate Counsel"),
}
SECTOR_SHARE = 0.6  # how often a role comes from the company's sector

CITIES = (
    "Lisbon, Portugal", "Porto, Portugal", "Madrid, Spain", "Barcelona, Spain",
    "Mexico City, Mexico", "Bogotá, Colombia", "São Paulo, Brazil", "Buenos Aires, Argentina",
    "Paris, France", "Lyon, France", "Berlin, Germany", "Munich, Germany", "Vienna, Austria",
    "Zurich, Switzerland", "Amsterdam, Netherlands", "Stockholm, Sweden", "Oslo, Norway",
    "Helsinki, Finland", "Copenhagen, Denmark", "Warsaw, Poland", "Prague, Czechia",
    "Budapest, Hungary", "Kyiv, Ukraine", "Milan, Italy", "Athens, Greece", "Lagos, Nigeria",
    "Accra, Ghana", "Addis Ababa, Ethiopia", "Cairo, Egypt", "Casablanca, Morocco",
    "Istanbul, Türkiye", "Dubai, UAE", "Tel Aviv, Israel", "Bengaluru, India", "Pune, India",
    "Dhaka, Bangladesh", "Singapore", "Jakarta, Indonesia", "Manila, Philippines",
    "Ho Chi Minh City, Vietnam", "Shanghai, China", "Taipei, Taiwan", "Seoul, South Korea",
    "Tokyo, Japan", "Osaka, Japan", "Sydney, Australia", "Auckland, New Zealand",
    "Toronto, Canada", "Vancouver, Canada", "Chicago, USA", "Austin, USA", "Seattle, USA",
    "New York, USA", "London, UK", "Manchester, UK", "Dublin, Ireland", "Edinburgh, UK",
)

INTERESTS = (
    "hiking", "cooking", "photography", "gardening", "yoga", "cycling", "board games", "jazz",
    "travel", "podcasts", "volunteering", "football", "basketball", "film", "reading",
    "poetry", "woodworking", "knitting", "camping", "skiing", "surfing", "swimming", "tennis",
    "video games", "theatre", "painting", "astronomy", "tea", "wine", "history",
    "learning languages", "open source", "sustainability", "mentoring", "stand-up comedy",
    "karaoke", "vinyl records", "crossword puzzles", "volleyball", "table tennis", "fishing",
)

# Work topics for background notes. Nothing about hiring, leaving a job or family news: the
# retrieval eval plants those facts on purpose and needs them to be rare.
TOPICS = (
    "pricing experiments", "a cloud migration", "onboarding flows", "a rebrand",
    "warehouse automation", "patient intake software", "carbon accounting", "a new CRM",
    "accessibility audits", "quarterly planning", "vendor consolidation", "customer churn",
    "an internal design system", "remote team rituals", "a move to microservices",
    "budget season", "a partner programme", "their mobile app relaunch", "data quality",
    "a customer advisory board", "procurement rules", "a regional expansion",
)

EVENTS = (
    "a product conference", "a data meetup", "a career fair", "a design week",
    "a startup pitch night", "an alumni dinner", "a leadership offsite", "a trade show",
)

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)

TIERS = ("inner", "active", "active", "active", "dormant", "dormant", "aspirational")
TAGS = ("former colleague", "mentor", "alumni", "client", "peer", "community", "friend")

# What someone might type when they remember a kind of person rather than a name.
MEANING_QUERIES = (
    "someone who hires engineers", "people who work in hospitals", "who knows about logistics",
    "a designer I could ask for portfolio feedback", "finance people", "someone in pharma",
    "who builds mobile apps", "a person who teaches at a university", "someone in energy",
    "who does machine learning", "people in media and journalism", "a chief of staff",
    "someone who manages supply chains", "who works on security", "an architect I know",
    "people in insurance", "who runs a startup", "someone in marketing for games",
    "a recruiter at a software company", "who works with data and dashboards",
)

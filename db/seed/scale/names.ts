/** Name parts for the scale dataset's people and cohorts. */
export const firstNames = [
  "Aaliyah", "Aaron", "Abby", "Adrian", "Aisha", "Alan", "Alejandro", "Alicia", "Amara", "Amir", "Ana", "Andre",
  "Angela", "Anthony", "Ariel", "Ashley", "Beatriz", "Ben", "Bianca", "Brandon", "Brenda", "Caleb", "Camila", "Carl",
  "Carmen", "Casey", "Cedric", "Chloe", "Chris", "Claire", "Connor", "Crystal", "Dale", "Dana", "Daniel", "Darius",
  "Dawn", "Deborah", "Derek", "Desiree", "Diego", "Dominic", "Donna", "Dylan", "Elena", "Eli", "Elijah", "Emily",
  "Eric", "Esther", "Eva", "Fatima", "Felix", "Frank", "Gabriel", "Gail", "Gina", "Grace", "Greg", "Hana",
  "Hannah", "Harold", "Hector", "Holly", "Ian", "Imani", "Irene", "Isaac", "Ivan", "Jada", "Jamal", "James",
  "Janet", "Jasmine", "Jason", "Javier", "Jenna", "Jerome", "Jess", "Joel", "Jordan", "Jose", "Joy", "Julia",
  "Justin", "Kara", "Karen", "Keisha", "Kelly", "Kevin", "Kim", "Kyle", "Lamar", "Latoya", "Laura", "Leah",
  "Leon", "Lena", "Linda", "Lisa", "Logan", "Luis", "Maya", "Malik", "Marcus", "Maria", "Mark", "Marta",
  "Mason", "Megan", "Mei", "Michelle", "Miguel", "Mohammed", "Monica", "Nadia", "Naomi", "Nate", "Nia", "Nicole",
  "Noah", "Nora", "Olivia", "Omar", "Pablo", "Pam", "Patrick", "Paula", "Priya", "Quinn", "Rachel", "Rafael",
  "Ray", "Rebecca", "Renee", "Ricardo", "Rita", "Rob", "Rosa", "Ruth", "Ryan", "Sam", "Samir", "Sandra",
  "Sara", "Sean", "Shana", "Shawn", "Sofia", "Stephen", "Sue", "Tamika", "Tanya", "Terrence", "Theo", "Tina",
  "Tom", "Tony", "Tracy", "Trevor", "Valerie", "Vanessa", "Victor", "Wanda", "Wayne", "Will", "Xavier", "Yasmin",
  "Yolanda", "Yusuf", "Zach", "Zoe",
];

export const lastNames = [
  "Abbott", "Acosta", "Adams", "Ali", "Allen", "Alvarez", "Anderson", "Bailey", "Baker", "Banks", "Barnes", "Bell",
  "Bennett", "Brooks", "Brown", "Bryant", "Butler", "Campbell", "Carter", "Castillo", "Chen", "Clark", "Cohen", "Coleman",
  "Collins", "Cook", "Cooper", "Cruz", "Davis", "Diaz", "Dixon", "Edwards", "Ellis", "Evans", "Fisher", "Flores",
  "Ford", "Foster", "Garcia", "Gibson", "Gomez", "Gonzalez", "Graham", "Gray", "Green", "Griffin", "Hall", "Hamilton",
  "Harris", "Hayes", "Henderson", "Hernandez", "Hill", "Holmes", "Howard", "Hughes", "Hunt", "Jackson", "James", "Jenkins",
  "Johnson", "Jones", "Jordan", "Kelly", "Khan", "Kim", "King", "Lee", "Lewis", "Lima", "Long", "Lopez",
  "Marshall", "Martin", "Martinez", "Mason", "McCoy", "Medina", "Mendoza", "Meyer", "Miller", "Mitchell", "Moore", "Morales",
  "Morgan", "Morris", "Murphy", "Murray", "Myers", "Nguyen", "Nelson", "Novak", "O'Brien", "Okafor", "Ortiz", "Owens",
  "Park", "Parker", "Patel", "Perez", "Perry", "Peterson", "Phillips", "Powell", "Price", "Ramirez", "Reed", "Reyes",
  "Reynolds", "Richardson", "Rivera", "Roberts", "Robinson", "Rodriguez", "Rogers", "Ross", "Russell", "Sanchez", "Sanders", "Santos",
  "Scott", "Shaw", "Simmons", "Singh", "Smith", "Stewart", "Sullivan", "Taylor", "Thomas", "Thompson", "Torres", "Tran",
  "Turner", "Vargas", "Walker", "Wallace", "Ward", "Washington", "Watson", "West", "White", "Williams", "Wilson", "Wood",
  "Wright", "Young", "Zhang",
];

export const regions = [
  "Allegheny", "Berks", "Bucks", "Butler", "Centre", "Chester", "Cumberland", "Dauphin", "Delaware", "Erie", "Lackawanna",
  "Lancaster", "Lehigh", "Luzerne", "Montgomery", "Northampton", "Philadelphia", "Westmoreland", "Washington", "York",
];

export const cohortKinds = [
  "CRSS Foundations", "Peer Support Intake", "Recovery Coach Cohort", "CRSS Evening Cohort", "Peer Specialist Refresher",
  "Family Recovery Track", "Justice-Involved Peer Track", "Youth Peer Support", "Veterans Peer Cohort", "Weekend CRSS Intensive",
];

export const seasons = ["Winter", "Spring", "Summer", "Autumn"];

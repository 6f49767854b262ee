// Invented names: first names and surnames common in England, combined at random, and
// nursery names made of an adjective and a tree. None is meant to be a real person or a
// real nursery; the URNs start EY9, a range made up for this generator.

#include <array>
#include <string_view>

#include <fmt/format.h>

#include "plan.hpp"

namespace attune::gen {
namespace {

constexpr std::array<std::string_view, 96> kChildFirst{
    "Olivia", "Amelia", "Isla",    "Ava",    "Ivy",     "Freya",   "Lily",    "Florence",
    "Mia",    "Willow", "Rosie",   "Sophia", "Isabella", "Grace",  "Daisy",   "Sienna",
    "Poppy",  "Elsie",  "Emily",   "Ella",   "Evelyn",  "Phoebe",  "Sofia",   "Evie",
    "Charlotte", "Harper", "Matilda", "Maya", "Aria",   "Hallie",  "Zara",    "Ada",
    "Aisha",  "Maryam", "Hafsa",   "Priya",  "Anaya",   "Zainab",  "Amara",   "Nia",
    "Chloe",  "Orla",   "Esme",    "Robyn",  "Erin",    "Thea",    "Luna",    "Iris",
    "Noah",   "Oliver", "George",  "Arthur", "Leo",     "Muhammad", "Harry",  "Oscar",
    "Archie", "Henry",  "Theodore", "Freddie", "Jack",  "Charlie", "Finley",  "Theo",
    "Alfie",  "Jacob",  "Thomas",  "Tommy",  "Lucas",   "Isaac",   "Teddy",   "Albie",
    "Reggie", "Ezra",   "Rory",    "Ronnie", "Arlo",    "Hugo",    "Jude",    "Louie",
    "Ibrahim", "Yusuf", "Ayaan",   "Arjun",  "Rohan",   "Kai",     "Elijah",  "Joshua",
    "Max",    "Sonny",  "Ethan",   "Toby",   "Harvey",  "Jaxon",   "Frankie", "Stanley"};

constexpr std::array<std::string_view, 64> kAdultFirst{
    "Sarah",  "Emma",    "Laura",   "Rachel",  "Hannah",  "Gemma",   "Kirsty",  "Jade",
    "Chloe",  "Megan",   "Amy",     "Charlotte", "Sophie", "Natalie", "Zoe",    "Priya",
    "Aisha",  "Fatima",  "Nadia",   "Joanne",  "Claire",  "Nicola",  "Lisa",    "Donna",
    "Karen",  "Tracey",  "Michelle", "Kelly",  "Stacey",  "Leanne",  "Danielle", "Holly",
    "Bethany", "Ellie",  "Abigail", "Jessica", "Lauren",  "Katie",   "Rebecca", "Shannon",
    "Jasmine", "Yasmin", "Amina",   "Harpreet", "Simran", "Agnieszka", "Monika", "Ioana",
    "Grace",  "Keeley",  "Louise",  "Paula",   "Sinead",  "Ruth",    "Helen",   "Janet",
    "Tom",    "James",   "Daniel",  "Ryan",    "Liam",    "Adam",    "Sam",     "Ben"};

constexpr std::array<std::string_view, 112> kSurnames{
    "Smith",    "Jones",    "Taylor",  "Brown",    "Williams", "Wilson",   "Johnson",  "Davies",
    "Patel",    "Khan",     "Ahmed",   "Kaur",     "Singh",    "Evans",    "Thomas",   "Roberts",
    "Walker",   "Wright",   "Robinson", "Thompson", "White",   "Hughes",   "Edwards",  "Green",
    "Hall",     "Wood",     "Harris",  "Lewis",    "Martin",   "Jackson",  "Clarke",   "Turner",
    "Hill",     "Scott",    "Cooper",  "Morris",   "Ward",     "Moore",    "King",     "Watson",
    "Baker",    "Harrison", "Morgan",  "Young",    "Allen",    "Mitchell", "James",    "Anderson",
    "Phillips", "Lee",      "Bell",    "Parker",   "Davis",    "Begum",    "Hussain",  "Ali",
    "Shah",     "Mistry",   "Chauhan", "Okafor",   "Mensah",   "Osei",     "Adeyemi",  "Nowak",
    "Kowalski", "Popescu",  "Murphy",  "Kelly",    "O'Brien",  "Byrne",    "Doyle",    "Quinn",
    "Campbell", "Stewart",  "Murray",  "Reid",     "Fraser",   "Grant",    "Price",    "Lloyd",
    "Jenkins",  "Griffiths", "Owen",   "Bennett",  "Carter",   "Fletcher", "Barker",   "Marshall",
    "Pearson",  "Webb",     "Holmes",  "Mills",    "Palmer",   "Knight",   "Rose",     "Fox",
    "Dixon",    "Hunt",     "Spencer", "Gill",     "Mason",    "Ellis",    "Chapman",  "Hart",
    "Nash",     "Kerr",     "Lowe",    "Sutton",   "Burton",   "Hayes",    "Barnes",   "Walsh"};

constexpr std::array<std::string_view, 20> kAdjectives{
    "Little", "Bright",  "Happy",   "Sunny",    "Golden",  "Green",  "Tiny",    "Busy",
    "Merry",  "Rainbow", "Cosy",    "Twinkling", "Hidden", "Quiet",  "Whispering", "Honey",
    "Silver", "Meadow",  "Laughing", "Wild"};

constexpr std::array<std::string_view, 24> kTrees{
    "Oak",    "Willow", "Birch",     "Rowan", "Hazel",  "Beech",   "Maple",   "Elm",
    "Ash",    "Cherry", "Chestnut",  "Hawthorn", "Holly", "Alder", "Sycamore", "Larch",
    "Cedar",  "Juniper", "Apple",    "Pear",  "Acorn",  "Linden",  "Aspen",   "Plum"};

constexpr std::array<std::string_view, 4> kKinds{"Nursery", "Day Nursery", "Nursery and Pre-school",
                                                 "Children's Nursery"};

constexpr std::array<std::string_view, 5> kBabyRooms{"Baby Room", "Caterpillars", "Seedlings",
                                                     "Little Acorns", "Ladybirds"};
constexpr std::array<std::string_view, 5> kToddlerRooms{"Toddler Room", "Butterflies", "Saplings",
                                                        "Bumblebees", "Squirrels"};
constexpr std::array<std::string_view, 5> kPreschoolRooms{"Pre-school Room", "Owls", "Oak Room",
                                                          "Explorers", "Kingfishers"};

/// A bijection of 0..n-1 chosen by the seed: (offset + i * stride) mod n, stride prime to n.
std::uint64_t spread(std::uint64_t seed, std::uint64_t salt, std::uint64_t i, std::uint64_t n) {
  std::uint64_t mix = seed ^ salt;
  const std::uint64_t offset = splitmix64(mix) % n;
  static constexpr std::array<std::uint64_t, 6> kStrides{7919, 104729, 7927, 15485863, 27449, 611953};
  // Primes other than 2, 3 and 5, so prime to both n used here (480 and 100000).
  const std::uint64_t stride = kStrides[splitmix64(mix) % kStrides.size()];
  return (offset + (i % n) * (stride % n)) % n;
}

}  // namespace

std::string setting_name(std::uint64_t seed, int index) {
  const std::uint64_t n = kAdjectives.size() * kTrees.size();
  const auto i = static_cast<std::uint64_t>(index);
  const std::uint64_t combo = spread(seed, 0x6e616d65, i, n);
  const std::string_view kind = kKinds[(i / n + combo) % kKinds.size()];
  return fmt::format("{} {} {}", kAdjectives[combo % kAdjectives.size()],
                     kTrees[combo / kAdjectives.size()], kind);
}

std::string setting_urn(std::uint64_t seed, int index) {
  return fmt::format("EY9{:05}", spread(seed, 0x75726e, static_cast<std::uint64_t>(index), 100000));
}

std::string room_name(RoomKind kind, Rng& rng) {
  switch (kind) {
    case RoomKind::babies: return std::string(rng.pick(kBabyRooms));
    case RoomKind::toddlers: return std::string(rng.pick(kToddlerRooms));
    case RoomKind::preschool: return std::string(rng.pick(kPreschoolRooms));
  }
  return "Room";
}

std::string NameBook::unique(bool child) {
  for (int attempt = 0;; ++attempt) {
    const std::string_view first =
        child ? rng_.pick(kChildFirst) : rng_.pick(kAdultFirst);
    const std::string_view last = rng_.pick(kSurnames);
    std::string name = fmt::format("{} {}", first, last);
    if (attempt > 50) name += fmt::format(" {}", attempt);  // never in practice
    if (used_.insert(name).second) return name;
  }
}

std::string NameBook::child() { return unique(true); }
std::string NameBook::adult() { return unique(false); }

}  // namespace attune::gen

package names

import "strings"

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[strings.ReplaceAll(w, "_", " ")] = true
	}
	return m
}

// stopwords are capitalised words that start sentences but never belong
// to a name; they break a run of capitalised words.
var stopwords = set(`a an the in on at as of for to by with from into onto and or but nor if
	it its this that these those there here then than when while where whereas who whom whose which what why how
	he she they we i you his her hers their theirs our ours my your him them us me
	yet so not no yes all any both each every few many most much some such one two three
	after before since until during though although because unless despite among between across over under
	meanwhile however therefore moreover furthermore nonetheless nevertheless instead indeed also still just only even
	according
	monday tuesday wednesday thursday friday saturday sunday january february march
	september october november december today yesterday tomorrow
	unlike like via per about above below near within without upon towards toward
	inside outside beyond behind beside besides around along amid amidst against throughout beneath underneath
	do does did is are was were be been being has have had will would shall should can could might must
	let please thanks thank dear hello`)

// leadingOnly are stopwords that are also names ("Theresa May"): they
// are dropped at the start of a run but do not break one.
var leadingOnly = set(`may june july april august`)

// places are countries, capitals, regions and their adjectives: never a
// person, and never paired with one another as spelling variants.
var places = set(`afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
	bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei
	bulgaria burkina burundi cambodia cameroon canada chad chile china colombia comoros congo croatia cuba cyprus
	czechia czech denmark djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland france
	gabon gambia georgia germany ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland india
	indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati korea kosovo kuwait
	kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg madagascar malawi
	malaysia maldives mali malta mauritania mauritius mexico moldova monaco mongolia montenegro morocco mozambique
	myanmar burma namibia nauru nepal netherlands holland zealand nicaragua niger nigeria macedonia norway oman pakistan
	palau palestine panama paraguay peru philippines poland portugal qatar romania russia rwanda samoa
	senegal serbia seychelles singapore slovakia slovenia somalia spain sudan suriname sweden switzerland syria
	taiwan tajikistan tanzania thailand togo tonga trinidad tunisia turkey turkiye turkmenistan tuvalu uganda ukraine
	emirates britain england scotland wales uruguay uzbekistan vanuatu vatican venezuela vietnam yemen zambia zimbabwe
	america europe asia africa antarctica oceania arabia
	kabul moscow london paris berlin rome madrid lisbon dublin brussels amsterdam vienna prague warsaw budapest
	bucharest sofia athens ankara tehran baghdad damascus beirut amman riyadh doha dubai cairo tripoli tunis algiers
	rabat khartoum nairobi addis abuja accra dakar pretoria kinshasa luanda harare lusaka islamabad karachi lahore
	delhi mumbai dhaka kathmandu colombo beijing shanghai tokyo seoul pyongyang manila jakarta hanoi bangkok
	canberra sydney ottawa washington york chicago brasilia lima bogota caracas havana santiago oslo stockholm
	helsinki copenhagen reykjavik tallinn riga vilnius minsk kyiv kiev chisinau tbilisi yerevan baku astana
	tashkent bishkek dushanbe ashgabat kandahar herat mazar jalalabad peshawar quetta kunduz
	afghan afghans russian russians british american americans iranian iraqi syrian pakistani indian chinese
	european german french italian spanish turkish uzbek uzbeks tajik tajiks pashtun pashtuns arab arabic
	ukrainian polish dutch swedish english scottish welsh irish israeli palestinian egyptian saudi
	austrian australian nigerian nigerien sudanese slovak slovakian slovene slovenian georgian
	moscows kremlin taliban`)

// orgWords mark a run of capitalised words as an organisation or a place.
var orgWords = set(`ministry department council union party network movement office court government embassy
	university college school administration committee commission association agency bank group forces army
	police news times post journal service services street road square hall city state states republic kingdom
	emirate province district institute foundation trust company corporation inc ltd plc club united nations
	house parliament assembly congress senate media press radio television channel tv programme program
	organisation organization federation league society centre center museum hospital airport station fund
	democrats republicans conservatives tories labour liberals greens britons treasury commons lords whitehall
	downing defense defence security`)

// particles may stand in lower case inside a name ("Ahmad al-Sharra",
// "Ursula von der Leyen").
var particles = set(`al el bin ibn van von der den de del della di da du la le dos das ter`)

// modifiers may stand before a role noun inside a role phrase ("former
// deputy foreign minister").
var modifiers = set(`former deputy foreign prime vice special acting interim senior chief supreme top
	interior defence defense finance justice health education home general political national security
	state shadow first junior assistant associate permanent executive managing founding high grand
	international regional local human rights women's womens civil opposition party leading veteran
	independent outgoing incoming new current long-time longtime kabul-based moscow-based london-based
	based world history`)

// guardWords are proper nouns that Spellings never pairs with one another:
// the places above and common first names that are one letter apart.
var guardWords = func() map[string]bool {
	m := set(`mark marc maria marie mario john joan jean sean ann anne anna dan don ian ivan jan
		eric erik ali aly adam adan paul saul carl karl`)
	for w := range places {
		m[w] = true
	}
	return m
}()

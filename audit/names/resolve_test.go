package names

import (
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/audit/source"
	"github.com/quoteaudit/quoteaudit/rules"
)

func doc(id, text string) *source.Document {
	return &source.Document{Meta: result.Source{ID: id, Path: id + ".txt"}, Text: text}
}

// quoteOf builds a quote over the first occurrence of text in d, spoken
// by mention.
func quoteOf(t *testing.T, id string, d *source.Document, text, mention string) result.Quote {
	t.Helper()
	i := strings.Index(d.Text, text)
	if i < 0 {
		t.Fatalf("%q not in %s", text, d.Meta.ID)
	}
	line, col := d.Position(i)
	return result.Quote{ID: id, Source: d.Meta.ID, Start: i, End: i + len(text), Line: line, Column: col, Text: text,
		Speaker: result.Speaker{Mention: mention, Kind: result.KindPerson}}
}

func personNamed(t *testing.T, people []result.Person, name string) *result.Person {
	t.Helper()
	for i := range people {
		if people[i].Name == name {
			return &people[i]
		}
	}
	var got []string
	for _, p := range people {
		got = append(got, p.Name)
	}
	t.Fatalf("no person %q among %q", name, got)
	return nil
}

func variantTexts(p *result.Person) []string {
	var out []string
	for _, v := range p.Variants {
		out = append(out, v.Text)
	}
	return out
}

func TestShortReferenceLinksToFullName(t *testing.T) {
	d := doc("S1", "Amir Khan Muttaqi, the Taliban minister of foreign affairs, met envoys on Monday.\n\n"+
		"Later in the week the talks resumed. \"We are ready,\" Muttaqi said.\n")
	q := []result.Quote{quoteOf(t, "Q1", d, "We are ready,", "Muttaqi")}
	people := Resolve([]*source.Document{d}, q, nil, testLexicon())
	if len(people) != 1 {
		t.Fatalf("got %d people, want 1: %+v", len(people), people)
	}
	p := people[0]
	if p.ID != "P1" || p.Name != "Amir Khan Muttaqi" || p.Quotes != 1 {
		t.Errorf("person = %s %q quotes=%d", p.ID, p.Name, p.Quotes)
	}
	if got := variantTexts(&p); !reflect.DeepEqual(got, []string{"Amir Khan Muttaqi", "Muttaqi"}) {
		t.Errorf("variants = %q", got)
	}
	if q[0].Speaker.Person != "P1" || q[0].Speaker.Candidates != nil {
		t.Errorf("speaker = %+v", q[0].Speaker)
	}
	if len(p.Roles) != 1 || p.Roles[0].Text != "Taliban minister of foreign affairs" || p.Roles[0].Line != 1 || p.Roles[0].Column != 24 {
		t.Errorf("roles = %+v", p.Roles)
	}
}

func TestTransliterationAcrossSources(t *testing.T) {
	docs := []*source.Document{
		doc("S1", "Foreign Minister Amir Khan Muttaqi said the move was welcome. The supreme leader, Hibatullah Akhundzada, stayed away."),
		doc("S2", "Foreign Minister Amir Khan Mutaqi said little. The supreme leader, Hibatullah Akhunzada, was not seen."),
	}
	people := Resolve(docs, nil, nil, testLexicon())
	if len(people) != 2 {
		t.Fatalf("got %d people: %+v", len(people), people)
	}
	for _, p := range people {
		if len(p.Variants) != 2 || len(p.Variants[0].Sources) != 1 || p.Variants[0].Sources[0] != "S1" || p.Variants[1].Sources[0] != "S2" {
			t.Errorf("%s: variants %+v, want one spelling per source", p.Name, p.Variants)
		}
	}
	if people[0].Name != "Amir Khan Muttaqi" && people[0].Name != "Amir Khan Mutaqi" {
		t.Errorf("P1 = %q", people[0].Name)
	}
}

func TestVladimirAcrossSources(t *testing.T) {
	docs := []*source.Document{
		doc("S1", "Last year Russian Preseident Vladamir Putin called the Taliban an ally."),
		doc("S2", "President Vladimir Putin has called the Taliban an ally. Vladimir Putin spoke again."),
	}
	people := Resolve(docs, nil, nil, testLexicon())
	if len(people) != 1 {
		t.Fatalf("got %d people: %+v", len(people), people)
	}
	p := people[0]
	if p.Name != "Vladimir Putin" {
		t.Errorf("canonical = %q, want the more frequent Vladimir Putin", p.Name)
	}
	if got := variantTexts(&p); !reflect.DeepEqual(got, []string{"Vladamir Putin", "Vladimir Putin"}) {
		t.Errorf("variants = %q", got)
	}
	if len(p.Roles) != 2 || p.Roles[0].Text != "Russian Preseident" || p.Roles[1].Text != "President" {
		t.Errorf("roles = %+v", p.Roles)
	}
}

func TestMariaIsNotMariaIvanova(t *testing.T) {
	d := doc("S1", "Maria Ivanova, a Russian citizen born in Moscow, remarked that it was crazy.\n\n"+
		"Founding member of the women's justice movement, Maria stated her fears.\n\n"+
		"\"We wanted to make a stand.\" Maria said.\n")
	q := []result.Quote{quoteOf(t, "Q1", d, "We wanted to make a stand.", "Maria")}
	people := Resolve([]*source.Document{d}, q, nil, testLexicon())
	if len(people) != 2 {
		t.Fatalf("got %d people: %+v", len(people), people)
	}
	iv, m := personNamed(t, people, "Maria Ivanova"), personNamed(t, people, "Maria")
	if iv.ID != "P1" || m.ID != "P2" {
		t.Errorf("IDs %s %s, want P1 P2", iv.ID, m.ID)
	}
	if m.Variants[0].Count != 2 {
		t.Errorf("Maria variants = %+v", m.Variants)
	}
	sp := q[0].Speaker
	if sp.Person != "P2" || !reflect.DeepEqual(sp.Candidates, []string{"P1", "P2"}) {
		t.Errorf("speaker = %+v, want P2 with candidates P1 P2", sp)
	}
}

func rosterBennett() *rules.Set {
	rs := &rules.Set{}
	rs.People = []rules.Person{{Name: "Richard Bennett", Roles: []string{"UN Special Rapporteur on Afghanistan"}}}
	return rs
}

func TestRosterAbsorbsVariantNotScholar(t *testing.T) {
	d := doc("S1", "Richard Bernett, UN Special Rapporteur for Afghanistan, responded in writing.\n\n"+
		"International scholars of world history Dr Bennett, suggest that this may be an attempt to contain terror.\n")
	people := Resolve([]*source.Document{d}, nil, rosterBennett(), testLexicon())
	if len(people) != 2 {
		t.Fatalf("got %d people: %+v", len(people), people)
	}
	rb := personNamed(t, people, "Richard Bennett")
	if !rb.Roster || !reflect.DeepEqual(variantTexts(rb), []string{"Richard Bernett"}) {
		t.Errorf("roster person = %+v", rb)
	}
	db := personNamed(t, people, "Dr Bennett")
	if db.Roster {
		t.Errorf("Dr Bennett absorbed by the roster")
	}
	if len(db.Similar) != 1 || db.Similar[0].Person != rb.ID || !strings.Contains(db.Similar[0].Reason, "rapporteur") {
		t.Errorf("Dr Bennett similar = %+v, want %s with a role reason", db.Similar, rb.ID)
	}
	if len(rb.Similar) != 1 || rb.Similar[0].Person != db.ID {
		t.Errorf("Richard Bennett similar = %+v", rb.Similar)
	}
	// Without the roster, Bernett and Dr Bennett stay apart and unrelated.
	people = Resolve([]*source.Document{d}, nil, nil, testLexicon())
	if len(people) != 2 || people[0].Name != "Richard Bernett" || people[1].Name != "Dr Bennett" {
		t.Errorf("without roster: %+v", people)
	}
}

func TestRosterExactAliasAndOrder(t *testing.T) {
	rs := &rules.Set{}
	rs.People = []rules.Person{{Name: "Amir Khan Muttaqi", Aliases: []string{"Муттаки, Амир Хан"}}}
	s2 := doc("S2", "\"We hope others follow,\" Muttaqi said.")
	docs := []*source.Document{doc("S1", "Глава МИД Амир Хан Муттаки said the talks went well."), s2}
	q := quoteOf(t, "Q1", s2, "We hope others follow,", "Muttaqi")
	q.Speaker.Name = "Muttaqi, Amir Khan"
	quotes := []result.Quote{q}
	people := Resolve(docs, quotes, rs, testLexicon())
	if len(people) != 1 || !people[0].Roster || people[0].Name != "Amir Khan Muttaqi" {
		t.Fatalf("people = %+v", people)
	}
	if got := variantTexts(&people[0]); !reflect.DeepEqual(got, []string{"Амир Хан Муттаки", "Muttaqi"}) {
		t.Errorf("variants = %q", got)
	}
	if quotes[0].Speaker.Person != "P1" || people[0].Quotes != 1 {
		t.Errorf("speaker %+v, quotes %d", quotes[0].Speaker, people[0].Quotes)
	}
}

func TestGivenNameConflictIsSimilarNotMerged(t *testing.T) {
	docs := []*source.Document{
		doc("S1", "Jon Smith, a lawyer in Leeds, said the ruling was wrong."),
		doc("S2", "Tom Smith, a lawyer in York, said the ruling was right."),
	}
	people := Resolve(docs, nil, nil, testLexicon())
	if len(people) != 2 {
		t.Fatalf("got %d people: %+v", len(people), people)
	}
	if len(people[0].Similar) != 1 || people[0].Similar[0].Person != "P2" {
		t.Errorf("similar = %+v", people[0].Similar)
	}
}

func TestResolveDeterministic(t *testing.T) {
	docs := seedDocs(t)
	a := Resolve(docs, nil, nil, testLexicon())
	for i := 0; i < 3; i++ {
		if b := Resolve(docs, nil, nil, testLexicon()); !reflect.DeepEqual(a, b) {
			t.Fatal("Resolve is not deterministic")
		}
	}
	for i, p := range a {
		if p.ID != "P"+strconv.Itoa(i+1) {
			t.Errorf("person %d has ID %s", i, p.ID)
		}
	}
}

// A sentence that opens with a preposition before a place is not a person,
// even when a role-like clause follows ("Inside Russia, critics wonder …").
func TestPrepositionAndPlaceIsNotAPerson(t *testing.T) {
	d := doc("S1", "Inside Russia, critics wonder whether the country can cope.\n\n"+
		"Outside Kabul, residents said the roads were closed.\n\n"+
		"Alexander Molokhov, a lawyer, said nothing.\n")
	people := Resolve([]*source.Document{d}, nil, nil, testLexicon())
	var names []string
	for _, p := range people {
		names = append(names, p.Name)
	}
	if !reflect.DeepEqual(names, []string{"Alexander Molokhov"}) {
		t.Errorf("people = %q, want only Alexander Molokhov", names)
	}
}

// A speaker the extractor resolved to a full name that the name finder
// missed (no role noun or title beside it) is known by that full name,
// taken from where it is written, and the later "Mr Joseph" is its variant.
func TestSpeakerFullNameWrittenInText(t *testing.T) {
	d := doc("S1", "\"It is about choice,\" Jeff Joseph, from the trade group, told the website.\n\n"+
		"\"Some will show more,\" said Mr Joseph.\n")
	q := quoteOf(t, "Q1", d, "Some will show more,", "Mr Joseph")
	q.Speaker.Name = "Jeff Joseph"
	quotes := []result.Quote{q}
	people := Resolve([]*source.Document{d}, quotes, nil, testLexicon())
	p := personNamed(t, people, "Jeff Joseph")
	if got := variantTexts(p); !reflect.DeepEqual(got, []string{"Jeff Joseph", "Mr Joseph"}) {
		t.Errorf("variants = %q", got)
	}
	if quotes[0].Speaker.Person != p.ID {
		t.Errorf("quote speaker person %q, want %s", quotes[0].Speaker.Person, p.ID)
	}
}

// A lone capitalised word is no person when any source, earlier or later,
// writes it in lower case: "Thousands said" at the start of a sentence.
func TestLoneWordWrittenInLowerCaseElsewhere(t *testing.T) {
	docs := []*source.Document{
		doc("S1", "Analysts said the vote was close. Kowalski said the plan failed. Welcome said the banner.\n"),
		doc("S2", "Thousands said the talks failed.\n"),
		doc("S3", "There were thousands of analysts, and a warm welcome.\n"),
	}
	var got []string
	for _, p := range Resolve(docs, nil, nil, testLexicon()) {
		got = append(got, p.Name)
	}
	if want := []string{"Kowalski"}; !reflect.DeepEqual(got, want) {
		t.Errorf("people = %q, want %q", got, want)
	}
}

// A surname alone joins the one person of the other sources with that
// surname: a full name of its own source that it could not join (the
// roles conflict) does not count.
func TestSurnameJoinsOnlyPersonOfOtherSources(t *testing.T) {
	docs := []*source.Document{
		doc("S1", "Michael Howard said the bill would pass.\n"),
		doc("S2", "Howard, a lawyer, said the case was weak.\n\nJohn Howard, the minister, said the case was strong.\n"),
	}
	people := Resolve(docs, nil, nil, testLexicon())
	p := personNamed(t, people, "Michael Howard")
	if got, want := variantTexts(p), []string{"Michael Howard", "Howard"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Michael Howard's variants = %q, want %q", got, want)
	}
	if got := variantTexts(personNamed(t, people, "John Howard")); !reflect.DeepEqual(got, []string{"John Howard"}) {
		t.Errorf("John Howard's variants = %q", got)
	}
}

// TestTitleGenderFastPath: the ASCII path reads the first word as
// strings.Fields and strings.ToLower do.
func TestTitleGenderFastPath(t *testing.T) {
	ref := func(text string) byte {
		f := strings.Fields(text)
		if len(f) < 2 {
			return 0
		}
		return genderOf(strings.TrimSuffix(strings.ToLower(f[0]), "."))
	}
	for _, text := range []string{
		"Mr Blair", "MRS. Howard", " \tmiss\nMarple ", "Mr", "Mr ", "Mr.. Fox", "Lady Jane Grey",
		"Sir", "Dame\vEdna", "Ms.Fox", "Lords Fox", "mrsa Fox", "", "Mister Fox", "Mr\u00a0Fox", "Mr Émile",
		"Sirrrrrrrrrrr Fox", "LADY. X",
	} {
		if got, want := titleGender(text), ref(text); got != want {
			t.Errorf("titleGender(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestTkeyOf: a name's key from its tokens' keys is TranslitKey of the
// name.
func TestTkeyOf(t *testing.T) {
	tk := tkeys{}
	for _, name := range []string{
		"Amir Khan Muttaqi", "Ahmad al-Sharra", "Zia ul-Haq", "Šefčovič Maroš", "Kkh Hkk", "ee ee", "Ckh Ph Dz",
		"Sean O'Brien", "Муттаки Амир", "Yusuf Yousuf Youssef", "a", "Mohammad Mohamad", "ǅemal Bijedić",
	} {
		if got, want := tk.of(tokens(name)), TranslitKey(strings.Join(tokens(name), " ")); got != want {
			t.Errorf("tkeys.of(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestStripTitleFastPath: names in order and spaced, with or without a
// title, strip as the general path strips them.
func TestStripTitleFastPath(t *testing.T) {
	lx := testLexicon()
	ref := func(name string) (string, string) {
		f := strings.Fields(reorder(name))
		var tt []string
		for len(f) > 1 && lx.Title(f[0]) {
			tt = append(tt, strings.TrimSuffix(f[0], "."))
			f = f[1:]
		}
		return strings.Join(f, " "), strings.Join(tt, " ")
	}
	for _, name := range []string{
		"Amir Khan Muttaqi", "Dr. Rangin Dadfar Spanta", "DR Spanta", "Mr", "Mr Mrs Fox", "Muttaqi, Amir Khan",
		"  Amir  Khan ", "Émile Zola", "Dr Émile", "Ärztin Schmidt", "Mr\u00a0Fox", "Professorial Fox", "", "Sheikh",
	} {
		gotR, gotT := stripTitle(lx, name)
		wantR, wantT := ref(name)
		if gotR != wantR || gotT != wantT {
			t.Errorf("stripTitle(%q) = %q, %q; want %q, %q", name, gotR, gotT, wantR, wantT)
		}
	}
}

// TestResolveParallelSameAsSerial: the sources are read on every CPU and
// merged in order, so the people are those of one goroutine, numbered
// alike.
func TestResolveParallelSameAsSerial(t *testing.T) {
	docs := synthCorpus(3000)
	lx := testLexicon()
	resolve := func(procs int) []result.Person {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		return Resolve(docs, nil, nil, lx)
	}
	serial, parallel := resolve(1), resolve(4)
	if len(serial) < 3000 {
		t.Fatalf("%d people from 3000 names", len(serial))
	}
	if !reflect.DeepEqual(serial, parallel) {
		t.Fatal("people differ between one goroutine and four")
	}
}

// TestCandidateLower: a candidate's lower-case name is strings.ToLower of
// it, taken from the folded name when that is the same.
func TestCandidateLower(t *testing.T) {
	for _, name := range []string{"Smith", "O'Brien", "al-Sharra", "Šefčovič", "MUTTAQI", "Zoë", "İstanbul", "K"} {
		c := candidate{name: name}
		c.setFold()
		if got, want := c.lower(), strings.ToLower(name); got != want {
			t.Errorf("lower(%q) = %q, want %q", name, got, want)
		}
	}
}

// A first name quoted in many sources, with a given name that people of
// many other sources carry: every quote lists each of them once, with
// the first name's own person, in ID order (as the plain union did
// before the given names' people were kept sorted once).
func TestFirstNameCandidatesAtScale(t *testing.T) {
	var docs []*source.Document
	var quotes []result.Quote
	for i := range 300 {
		sur := strings.ToUpper(benchSyll[i%20][:1]) + benchSyll[i%20][1:] + benchSyll[(i/20)%20] + "stan"
		docs = append(docs, doc("S"+strconv.Itoa(len(docs)+1), "Amir "+sur+", a minister, said the talks went well."))
		if i%3 == 0 {
			d := doc("S"+strconv.Itoa(len(docs)+1), "Amir "+sur+" met the press.\n\n\"We will stay,\" Amir said.\n")
			docs = append(docs, d)
			quotes = append(quotes, quoteOf(t, "Q"+strconv.Itoa(len(quotes)+1), d, "We will stay,", "Amir"))
		}
	}
	people := Resolve(docs, quotes, nil, testLexicon())
	var amirs []string // the people of a full name given Amir, in ID order
	for _, p := range people {
		for _, v := range p.Variants {
			if strings.HasPrefix(v.Text, "Amir ") {
				amirs = append(amirs, p.ID)
				break
			}
		}
	}
	if len(amirs) < 10 {
		t.Fatalf("only %d people given Amir", len(amirs))
	}
	for _, q := range quotes {
		want := append(slices.Clone(amirs), q.Speaker.Person)
		slices.SortFunc(want, func(a, b string) int { return idNum(a) - idNum(b) })
		want = slices.Compact(want)
		if !slices.Equal(q.Speaker.Candidates, want) {
			t.Fatalf("%s (%s): candidates %q, want %q", q.ID, q.Speaker.Person, q.Speaker.Candidates, want)
		}
	}
}

// withInt adds a number to a sorted set as the plain union and sort did.
func TestWithInt(t *testing.T) {
	for _, set := range [][]int{nil, {3}, {1, 4, 9}, {0, 2, 5, 7, 8}} {
		for x := range 11 {
			want := uniqueInts(append([]int{x}, set...))
			if got := withInt(slices.Clip(set), x); !slices.Equal(got, want) {
				t.Errorf("withInt(%v, %d) = %v, want %v", set, x, got, want)
			}
		}
	}
}

// fillPlain is fill as it was before it counted the lists first: one
// pass, maps of (variant, source) places and of source-and-role keys,
// canonical through ShortForm. fill must give the same person.
func (r *resolver) fillPlain(p *result.Person, ms []int) {
	vi := map[string]int{}
	perSource := map[[2]int]int{}
	roleSeen := map[string]bool{}
	for _, mi := range ms {
		m := r.mentions[mi]
		doc := r.docs[m.doc]
		src := doc.Meta.ID
		i, ok := vi[m.text]
		if !ok {
			i = len(p.Variants)
			vi[m.text] = i
			p.Variants = append(p.Variants, result.Variant{Text: m.text, Sources: []string{}})
		}
		v := &p.Variants[i]
		v.Count++
		if len(v.Sources) == 0 || v.Sources[len(v.Sources)-1] != src {
			v.Sources = append(v.Sources, src)
		}
		if perSource[[2]int{i, m.doc}] < maxPlaces {
			perSource[[2]int{i, m.doc}]++
			v.Places = append(v.Places, m.placeIn(doc))
		}
		if key := src + "\x00" + Fold(m.role); m.role != "" && !roleSeen[key] {
			roleSeen[key] = true
			pl := m.rolePlace(doc)
			p.Roles = append(p.Roles, result.Role{Text: m.role, Source: src, Line: pl.Line, Column: pl.Column})
		}
	}
	best := -1 // canonical, through ShortForm
	for i, v := range p.Variants {
		short := false
		for _, w := range p.Variants {
			short = short || (w.Text != v.Text && ShortForm(v.Text, w.Text) && !ShortForm(w.Text, v.Text))
		}
		if short {
			continue
		}
		if b := best; b < 0 || v.Count > p.Variants[b].Count ||
			v.Count == p.Variants[b].Count && (len(v.Text) > len(p.Variants[b].Text) || len(v.Text) == len(p.Variants[b].Text) && v.Text < p.Variants[b].Text) {
			best = i
		}
	}
	p.Name = p.Variants[max(best, 0)].Text
	if p.Roles == nil {
		p.Roles = []result.Role{}
	}
}

// A person named thousands of times in hundreds of sources, in a dozen
// spellings with and without titles and roles: fill gives what the plain
// one-pass fill gave.
func TestFillLargePersonSameAsPlain(t *testing.T) {
	spellings := []string{"Amir Khan Muttaqi", "Muttaqi", "Mr Muttaqi", "Amir Muttaqi", "Amir Khan Mutaqi",
		"Mutaqi", "Muttaqi Amir Khan", "Dr Amir Khan Muttaqi", "AMIR KHAN MUTTAQI", "Amir", "Khan Muttaqi", "Muttaqi, Amir"}
	roles := []string{"", "", "foreign minister", "Foreign Minister", "the foreign minister", "envoy"}
	var docs []*source.Document
	for d := range 300 {
		docs = append(docs, doc("S"+strconv.Itoa(d+1), strings.Repeat("Amir Khan Muttaqi spoke.\nMuttaqi said more.\n", 20)))
	}
	r := &resolver{docs: docs}
	var ms []int
	for d := range docs {
		for k := range 3 + d%11 {
			x := d*7 + k*5
			m := mention{doc: d, start: (k * 23) % len(docs[d].Text), text: spellings[x%len(spellings)], role: roles[x%len(roles)], roleStart: -1}
			if x%4 == 0 {
				m.roleStart = m.start + 3
			}
			if x%9 == 0 {
				m.place = &result.Place{Source: docs[d].Meta.ID, Line: 99, Column: k + 1}
			}
			ms = append(ms, len(r.mentions))
			r.mentions = append(r.mentions, m)
		}
	}
	var got, want result.Person
	r.fill(&got, ms)
	r.fillPlain(&want, ms)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("fill:\n%+v\nplain fill:\n%+v", got, want)
	}
	if len(got.Variants) != len(spellings) || len(got.Roles) < 300 {
		t.Fatalf("%d variants, %d roles: the test builds too small a person", len(got.Variants), len(got.Roles))
	}
}

package seeds

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/quoteaudit/quoteaudit/rules"
)

// quotations are the quotations of the five reference articles the demo
// corpus retells. Each must stand in the demo corpus word for word.
var quotations = []string{
	"“We don’t know if we will be forgotten.”",
	"‘there is no god but God, and I bear witness that Muhammad is the Messenger of God’",
	"‘[we are] Disappointed by Russia’s recognition that sets a dangerous precedent, emboldening regimes in Afghanistan & beyond that violate human rights with impunity’",
	"‘he hoped it would serve as an example to other countries’",
	"‘security, counterterrorism and combating drug crime’",
	"‘ally’",
	"‘common enemy’",
	"“Supporting the de facto government in Kabul is the most pragmatic approach to preventing terrorism on our southern borders.”",
	"‘”legitimises a regime that bans girls from education, enforces public floggings, and shelters UN-sanctioned terrorists”",
	"“Crazy, but not surprising, Russia doesn’t surprise me anymore”",
	"“I don’t think they care about the people of Afghanistan, they are doing whatever fits their objective. I’m from Moscow and the European side of the country holds a lot of prejudices towards Muslims. I don’t see this being a move supported by the people of Russia”",
	"“quite reasonable”",
	"“Sometimes in life you have to do business with people you do not like”",
	"“These are not nice people, but Leadership is about taking difficult decisions, the role of the British government is to protect our sovereignty, boarders and to ensure the safety of our women and girls”",
	"“The role of the British government is to protect British citizens. We cannot control despotic regimes around the world. What we can do is protect our own people’",
	"‘We are prepared to work with anyone who can help end the struggles of Afghan refugees, as we know many of them do not have a good life abroad.’",
	"‘We cannot simply close the door on people fleeing war, violence and persecution. ‘Send them all back’ is not a sensible or compassionate response, and is beneath us as a nation.",
	"“It is the Christian way to meet those asking for help with compassion and understanding, and it has long been the British way to give shelter where we can to those escaping violence and conflict abroad. It should remain that way.”",
	"‘facilitate the deportation of Afghan nationals with criminal records.’",
	"“I believe this poses serious risks for Afghanistan and the region. International recognition of the Taliban can strengthen their repressive policies, limit human rights, and increase the suppression of civil society, while also allowing foreign countries more influence over Afghanistan’s internal affairs.",
	"“For example, when countries like Russia legitimise the Taliban, it gives them the power to continue their oppressive policies, with women and girls suffering the most, and it often feels like the world is indifferent to our fate.",
	"“The potential decision to negotiate with the Taliban and return undocumented migrants to Afghanistan is truly alarming. The Taliban not only lack international legitimacy but also have a well-documented history of widespread human rights violations, especially against women, minorities, and dissenting voices.",
	"“Forcibly returning migrants to such conditions is essentially sending them back to danger and oppression. Instead of offering financial support or cooperation, the international community should focus on protecting lives and defending human rights”",
	"“We urge the international [community] to stop cooperating with the Taliban. We think that Russia and the Taliban cooperation is going to make other countries do the same. If the Taiban are made legitimate, the dreams of millions will be destroyed. The UN has failed us”",
	"“The United Nations only does what America wants them to do. If they wanted to help, then they would have”",
	"“No, I get no support from the United Nation’s or from anyone else”",
	"“The UN, they are not doing anything. They know what is going on in Afghanistan, but they are keeping their silence”",
	"“If they cannot stop the Russia from legitimising the Taliban, what can they do?”",
	"“We wanted to make a stand, and have our voices heard, and we know we may not have connections with foreign leaders, but we do have the internet.”",
	"“My art reflects the word we knew and the barriers we faced. It shows all, without filter. I want the people of the world to see my art, and realise just what crimes the Taliban commit”",
	"“I believe that art is a window to reality. My art shows what being an Afghan really means”",
	"“normalization of diplomatic procedure,”",
	"“positive precedent”",
	"“other countries will like to follow.”",
	"“Not unexpected, but tragic in its timing.”",
	"“Every handshake with this regime buries the dream of Afghan girls a little deeper,”",
	"“The Taliban have made zero progress on their commitments. Recognition without accountability undermines every principle of responsible diplomacy.”",
	"“grave concern”",
	"“The world should take notice—if you want to take meaningful steps towards peace and stability, then the United States is willing to move rapidly to support you”",
	"“burkinis,”",
	"“Pashtun-dominated”",
	"\"new phase of positive relations,\"",
	"\"ally\"",
	"'gender apartheid'",
	"“Taliban patrols,”",
}

func corpusText(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := fs.WalkDir(FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if strings.HasSuffix(p, ".txt") {
			b, err := fs.ReadFile(FS(), p)
			if err != nil {
				return err
			}
			out[p] = string(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestCorpusHasFiveArticlesAndRules(t *testing.T) {
	texts := corpusText(t)
	if len(texts) != 5 {
		t.Fatalf("demo corpus has %d articles, want 5", len(texts))
	}
	if len(Rules()) == 0 {
		t.Fatal("rules.yaml is empty")
	}
}

func TestQuotationsVerbatim(t *testing.T) {
	all := strings.Join(mapValues(corpusText(t)), "\n")
	for _, q := range quotations {
		if !strings.Contains(all, q) {
			t.Errorf("quotation missing from the demo corpus: %s", q)
		}
	}
	if strings.Count(all, "Supporting the de facto government in Kabul is the most pragmatic approach") != 2 {
		t.Errorf("Kabulov's line must stand in two articles")
	}
}

// TestRulesLoadAndFactsConflict loads rules.yaml strictly over the
// defaults and checks that each fact finds differing values in at least
// two articles: the conflicts the demo exists to show.
func TestRulesLoadAndFactsConflict(t *testing.T) {
	set, err := rules.LoadBytes("seeds/rules.yaml", Rules(), rules.LoadOptions{})
	if err != nil {
		t.Fatalf("seeds/rules.yaml does not load: %v", err)
	}
	if len(set.Facts) != 2 {
		t.Fatalf("facts = %d, want 2", len(set.Facts))
	}
	sentence := regexp.MustCompile(`[^.\n]*\.?`)
	for _, f := range set.Facts {
		values := map[string][]string{} // value -> articles
		for name, text := range corpusText(t) {
			for _, s := range sentence.FindAllString(text, -1) {
				if !f.PatternRE.MatchString(s) {
					continue
				}
				m := f.ValueRE.FindStringSubmatch(s)
				if m == nil {
					continue
				}
				v := m[len(m)-1]
				values[v] = appendUnique(values[v], name)
			}
		}
		if len(values) < 2 {
			t.Errorf("fact %s: values %v, want at least two differing values", f.ID, values)
		}
		t.Logf("fact %s: %v", f.ID, values)
	}
}

// TestNoNarrationCopied guards the licence line: outside the quotations,
// no run of eight words of a reference article stands in the demo corpus.
func TestNoNarrationCopied(t *testing.T) {
	refDir := filepath.Join("..", "..", "shared", "seeds")
	refs, _ := filepath.Glob(filepath.Join(refDir, "*.txt"))
	if len(refs) == 0 {
		t.Skip("reference articles not present in ../shared/seeds")
	}
	mine := map[string]bool{}
	for _, text := range corpusText(t) {
		for _, g := range ngrams(withoutQuotations(text), 8) {
			mine[g] = true
		}
	}
	var copied []string
	for _, ref := range refs {
		b, err := os.ReadFile(ref)
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range ngrams(string(b), 8) {
			if mine[g] {
				copied = append(copied, g)
			}
		}
	}
	sort.Strings(copied)
	if len(copied) > 0 {
		t.Errorf("%d eight-word runs of narration copied from the reference articles, e.g. %q", len(copied), copied[0])
	}
}

// TestQuotationsComeFromReferences checks the table against the reference
// articles, so that a typo in a demo quotation cannot pass unnoticed.
func TestQuotationsComeFromReferences(t *testing.T) {
	refs, _ := filepath.Glob(filepath.Join("..", "..", "shared", "seeds", "*.txt"))
	if len(refs) == 0 {
		t.Skip("reference articles not present in ../shared/seeds")
	}
	var all strings.Builder
	for _, ref := range refs {
		b, err := os.ReadFile(ref)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(b)
	}
	for _, q := range quotations {
		if !strings.Contains(all.String(), q) {
			t.Errorf("not a quotation of the reference articles: %s", q)
		}
	}
}

func withoutQuotations(text string) string {
	for _, q := range quotations {
		text = strings.ReplaceAll(text, q, " | ")
	}
	return text
}

var wordRE = regexp.MustCompile(`[\p{L}\p{N}]+`)

func ngrams(text string, n int) []string {
	words := wordRE.FindAllString(strings.ToLower(text), -1)
	var out []string
	for i := 0; i+n <= len(words); i++ {
		out = append(out, strings.Join(words[i:i+n], " "))
	}
	return out
}

func mapValues(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = m[k]
	}
	return out
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

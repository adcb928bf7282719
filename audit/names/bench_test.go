package names

import (
	"fmt"
	"strings"
	"testing"

	"github.com/quoteaudit/quoteaudit/audit/result"
	"github.com/quoteaudit/quoteaudit/audit/source"
)

var (
	benchGiven = []string{"Amir", "Zamir", "Maria", "Richard", "Fatima", "Ismail", "Naseer", "Hibatullah", "Stephen", "Fawzia", "Alexander", "Jamal", "Rangin", "Salman", "Mariam", "Zia", "Wajiha", "Donald", "Ahmad", "Vladimir"}
	benchSyll  = []string{"ka", "bu", "lo", "mu", "ta", "qi", "ri", "an", "zo", "fe", "ni", "sha", "dar", "kov", "rin", "vel", "tor", "ish", "gan", "pol"}
	benchRoles = []string{"minister", "lawyer", "envoy", "analyst", "scholar of history", "refugee", "artist", "ambassador"}
)

// synthCorpus builds n people spread over documents of 50 people each:
// each is introduced with a role, referred to by surname, and one in ten
// is spelt with a one-letter typo in the next document.
func synthCorpus(n int) []*source.Document {
	var docs []*source.Document
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			docs = append(docs, &source.Document{Meta: result.Source{ID: fmt.Sprintf("S%d", len(docs)+1)}, Text: b.String()})
			b.Reset()
		}
	}
	for i := 0; i < n; i++ {
		s1, s2, s3 := benchSyll[i%20], benchSyll[(i/20)%20], benchSyll[(i/400)%20]
		surname := strings.ToUpper(s1[:1]) + s1[1:] + s2 + s3
		given := benchGiven[(i*7+i/20)%len(benchGiven)]
		role := benchRoles[i%len(benchRoles)]
		fmt.Fprintf(&b, "%s %s, a %s, said the talks went well. Later %s stated more.\n\n", given, surname, role, surname)
		if i%10 == 0 {
			typo := surname[:len(surname)-1]
			fmt.Fprintf(&b, "Elsewhere %s %s, a %s, said little.\n\n", given, typo+"h", role)
		}
		if i%50 == 49 {
			flush()
		}
	}
	flush()
	return docs
}

// BenchmarkResolve measures Resolve on synthetic corpora of growing size:
// the time per person must stay flat (blocking, no all-pairs comparison).
func BenchmarkResolve(b *testing.B) {
	lx := testLexicon()
	for _, n := range []int{1000, 10000} {
		docs := synthCorpus(n)
		b.Run(fmt.Sprintf("people=%d", n), func(b *testing.B) {
			var people int
			for b.Loop() {
				people = len(Resolve(docs, nil, nil, lx))
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/person")
			b.ReportMetric(float64(people), "people")
		})
	}
}

func BenchmarkSpellings(b *testing.B) {
	docs := synthCorpus(10000)
	for b.Loop() {
		Spellings(docs, nil, nil)
	}
}

// BenchmarkSpellingsMerged measures what the spelling-variant check does
// of the forms the Scanners gathered: the merge and the search.
func BenchmarkSpellingsMerged(b *testing.B) {
	docs := synthCorpus(10000)
	sources, vocabs := scanSpellings(docs)
	lower := func(w string) bool { return anySeenLower(vocabs, w) }
	b.ReportAllocs()
	for b.Loop() {
		spellings(docs, mergeForms(sources), lower, nil, nil)
	}
}

// BenchmarkScan measures the Scanner on the seed articles, without and
// with gathering the spelling forms.
func BenchmarkScan(b *testing.B) {
	docs := seedDocs(b)
	for _, gather := range []bool{false, true} {
		b.Run(fmt.Sprintf("gather=%v", gather), func(b *testing.B) {
			s := NewScanner(nil)
			if gather {
				s.GatherSpellings()
			}
			b.ReportAllocs()
			for b.Loop() {
				for _, d := range docs {
					s.Scan(d)
				}
			}
		})
	}
}

func BenchmarkFold(b *testing.B) {
	for b.Loop() {
		Fold("Šefčovič, Amir Khan Muttaqi")
	}
}

// BenchmarkDistance compares spellings of names as the clustering does:
// near misses, far names of equal length, and a non-ASCII pair.
func BenchmarkDistance(b *testing.B) {
	pairs := []string{
		"amir khan muttaqi", "amir khan mutaqi", "vladimir putin", "vladamir putin",
		"richard bennett", "stephen barnett", "sefcovic maros", "sefcovic marosh",
		"муттаки амир", "мутаки амир",
	}
	for b.Loop() {
		for i := 0; i < len(pairs); i += 2 {
			Distance(pairs[i], pairs[i+1], DefaultDistance)
		}
	}
}

// Package benchutil holds what quoteaudit's benchmarks share: CPU time
// beside wall time (the machines are often shared) and per-article
// metrics.
package benchutil

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// CPUTime is the process's CPU time (user+sys) from /proc/self/stat, in
// clock ticks of 10ms; 0 where there is no /proc. Benchmarks report it
// beside wall time because the machine may be loaded by other work.
func CPUTime() time.Duration {
	data, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return 0
	}
	s := string(data)
	if i := strings.LastIndexByte(s, ')'); i >= 0 {
		s = s[i+1:]
	}
	f := strings.Fields(s)
	if len(f) < 13 {
		return 0
	}
	u, _ := strconv.ParseInt(f[11], 10, 64)
	k, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(u+k) * 10 * time.Millisecond
}

// PerArticle reports wall and CPU nanoseconds per article of the loop
// that began at CPU time cpu0.
func PerArticle(b *testing.B, cpu0 time.Duration, articles int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(articles), "ns/article")
	b.ReportMetric(float64((CPUTime()-cpu0).Nanoseconds())/float64(b.N)/float64(articles), "cpu-ns/article")
}

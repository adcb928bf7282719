package corpusgen

import (
	"fmt"
	"os"
	"strconv"
)

// SizeFromEnv is the number of articles a benchmark generates:
// QUOTEAUDIT_BENCH_N when set, else def.
func SizeFromEnv(def int) (int, error) {
	s := os.Getenv("QUOTEAUDIT_BENCH_N")
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("QUOTEAUDIT_BENCH_N=%q: want a positive number", s)
	}
	return n, nil
}

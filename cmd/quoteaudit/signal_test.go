//go:build linux

package main

// Tests that run the built binary (Linux: they rely on Pdeathsig so that
// no child outlives a test binary killed by -timeout).
//
// Interrupted runs, with real signals sent to the built binary: the
// previous reports stay byte for byte, no partial file is left behind
// after SIGINT, and the run after a SIGKILL removes the hidden temporary
// file the killed run left.

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// command is exec.Command for the built binary, killed if the test
// binary dies first (a -timeout) and when the test ends.
func command(t *testing.T, bin string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	t.Cleanup(func() {
		if cmd.Process != nil && cmd.ProcessState == nil {
			cmd.Process.Kill()
		}
	})
	return cmd
}

// buildBinary builds the command into a temporary folder.
func buildBinary(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skipf("no go command to build the binary: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "quoteaudit")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// vocabulary for the synthetic articles: every quotation and sentence is
// a fresh draw, so that no two articles share a passage or a quote (which
// would only test the matching's worst case).
var vocabulary = strings.Fields(`bridge port budget school water tariff rail link council harbour ministry union
residents vote plan cost spring autumn winter summer river road tunnel station hospital clinic
library market square park forest field farm factory office tower district village city county
region border coast island valley mountain lake canal ferry airport runway terminal depot
contract tender bid offer price wage salary pension tax levy fee grant loan bond fund reserve
report review audit inquiry hearing meeting session debate motion amendment bill law rule
order decree permit licence approval consent objection appeal complaint petition protest strike
delay overrun shortfall surplus deficit saving loss profit revenue income spending investment
green red blue old new small large early late quick slow open closed public private local national
build repair close open extend widen move sell buy hire pay raise cut freeze double halve
never always soon again already still only even almost nearly clearly simply really certainly`)

// writeSyntheticCorpus writes n small articles of generated sentences
// with attributed quotations, in 100 folders.
func writeSyntheticCorpus(t *testing.T, dir string, n int) {
	t.Helper()
	first := []string{"Ana", "Tom", "Maria", "Jonas", "Leila", "Omar", "Grace", "Ivan", "Mei", "Pablo", "Sven", "Aisha", "Kofi", "Lena"}
	last := []string{"Lind", "Berg", "Okafor", "Novak", "Haddad", "Silva", "Kowalski", "Tanaka", "Moreau", "Fischer", "Rossi", "Nkemelu", "Dubois"}
	roles := []string{"the mayor", "a council member", "the harbour master", "a spokesperson for the ministry", "the union leader"}
	verbs := []string{"said", "told reporters", "added", "said on Monday", "wrote"}
	for i := 0; i < n; i++ {
		r := rand.New(rand.NewPCG(uint64(i), 7))
		words := func(n int) string {
			w := make([]string, n)
			for i := range w {
				w[i] = vocabulary[r.IntN(len(vocabulary))]
			}
			return strings.Join(w, " ")
		}
		pick := func(s []string) string { return s[r.IntN(len(s))] }
		var b strings.Builder
		fmt.Fprintf(&b, "Council %s\nBy %s %s\nMarch %d, 2025\n\n", words(5), pick(first), pick(last), 1+r.IntN(28))
		for p := 0; p < 4; p++ {
			fmt.Fprintf(&b, "“We %s,” %s %s %s, %s.\n\n", words(8+r.IntN(8)), pick(verbs), pick(first), pick(last), pick(roles))
			fmt.Fprintf(&b, "The %s.\n\n", words(8+r.IntN(10)))
		}
		name := filepath.Join(dir, fmt.Sprintf("batch%02d", i%100), fmt.Sprintf("article%05d.txt", i))
		writeFile(t, name, []byte(b.String()))
	}
}

// interruptWhileWriting starts the binary and sends sig as soon as the
// workbook's temporary file appears in out. It returns the exit error and
// stderr; ok is false when the run ended before the temporary file was
// seen.
func interruptWhileWriting(t *testing.T, bin, out string, sig syscall.Signal, args ...string) (err error, stderr string, ok bool) {
	t.Helper()
	var errb bytes.Buffer
	cmd := command(t, bin, args...)
	cmd.Stdout = new(bytes.Buffer)
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	pattern := filepath.Join(out, ".quoteaudit.xlsx.*.tmp")
	for {
		select {
		case err := <-done:
			return err, errb.String(), false
		default:
		}
		if m, _ := filepath.Glob(pattern); len(m) > 0 {
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatalf("signal: %v", err)
			}
			sent := time.Now()
			err := <-done
			// Logged, not asserted: how promptly the run stopped.
			t.Logf("%v: the run ended %v after the signal", sig, time.Since(sent).Round(time.Millisecond))
			return err, errb.String(), true
		}
		time.Sleep(time.Millisecond) // a poll interval, not a timing assertion
	}
}

func tempFiles(t *testing.T, out string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(out, ".quoteaudit.*.tmp"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestInterruptedRunKeepsPreviousReports audits ~10,000 articles once to
// get a workbook, then again with a different date (so a workbook that got
// through would differ), interrupted while the workbook is being written.
func TestInterruptedRunKeepsPreviousReports(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and audits 10,000 articles: skipped in -short mode")
	}
	bin := buildBinary(t)
	in := t.TempDir()
	writeSyntheticCorpus(t, in, 10000)
	inputsBefore := snapshot(t, in)

	// One first run gives the workbook every sub-test starts from.
	firstOut := filepath.Join(t.TempDir(), "first")
	first := command(t, bin, "-q", "--fail-on", "none", "--date", "2025-07-10", "-f", "xlsx", "-o", firstOut, in)
	if msg, err := first.CombinedOutput(); err != nil {
		t.Fatalf("first run: %v\n%s", err, msg)
	}
	previous, err := os.ReadFile(filepath.Join(firstOut, "quoteaudit.xlsx"))
	if err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		name string
		sig  syscall.Signal
	}{{"SIGINT", syscall.SIGINT}, {"SIGTERM", syscall.SIGTERM}, {"SIGKILL", syscall.SIGKILL}} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			workbook := filepath.Join(out, "quoteaudit.xlsx")
			writeFile(t, workbook, previous)

			err, stderr, seen := interruptWhileWriting(t, bin, out, tc.sig,
				"--progress", "never", "--fail-on", "none", "--date", "2025-07-11", "--title", "Second run", "-f", "xlsx,pdf", "-o", out, in)
			if !seen {
				t.Fatalf("the run ended (%v) before its workbook's temporary file appeared; stderr:\n%s", err, stderr)
			}
			if got, rerr := os.ReadFile(workbook); rerr != nil || !bytes.Equal(got, previous) {
				t.Errorf("the previous quoteaudit.xlsx was not left intact (%v)", rerr)
			}
			var ee *exec.ExitError
			if !errors.As(err, &ee) {
				t.Fatalf("run: %v, want an exit error", err)
			}
			if _, err := os.Stat(filepath.Join(out, "quoteaudit.pdf")); err == nil {
				t.Error("quoteaudit.pdf written by the interrupted run")
			}

			if tc.sig == syscall.SIGKILL {
				// Killed outright: a hidden temporary file may remain; the
				// next run removes it.
				left := tempFiles(t, out)
				t.Logf("after SIGKILL: %d temporary file(s) left: %v", len(left), left)
				next := command(t, bin, "-q", "--fail-on", "none", "-f", "json", "-o", out, filepath.Join(in, "batch00"))
				if msg, err := next.CombinedOutput(); err != nil {
					t.Fatalf("next run: %v\n%s", err, msg)
				}
				if left := tempFiles(t, out); len(left) != 0 {
					t.Errorf("the next run left the killed run's temporary files: %v", left)
				}
				if got, _ := os.ReadFile(workbook); !bytes.Equal(got, previous) {
					t.Error("the next run (JSON only) changed the workbook")
				}
				return
			}

			t.Logf("stderr after %s:\n%s", tc.name, stderr)
			if code := ee.ExitCode(); code != exitError {
				t.Errorf("exit %d, want %d\nstderr: %s", code, exitError, stderr)
			}
			if left := tempFiles(t, out); len(left) != 0 {
				t.Errorf("temporary files left after %s: %v", tc.name, left)
			}
			for _, want := range []string{"quoteaudit: error: interrupted", "not written", workbook, filepath.Join(out, "quoteaudit.pdf")} {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, stderr)
				}
			}
		})
	}
	inputsAfter := snapshot(t, in)
	for p, s := range inputsBefore {
		if inputsAfter[p] != s {
			t.Errorf("input %s changed", p)
		}
	}
}

// TestRobustUnreadable: a file and a folder without read permission are
// skipped with "permission denied". Root reads anything, so when the tests
// run as root the built binary is run as the unprivileged user 65534
// (nobody) instead.
func TestRobustUnreadable(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, filepath.Join(dir, "good.txt"), []byte(goodArticle))
	secret := writeFile(t, filepath.Join(dir, "secret.txt"), []byte(goodArticle))
	locked := filepath.Join(dir, "locked")
	writeFile(t, filepath.Join(locked, "inner.txt"), []byte(goodArticle))
	if err := os.Chmod(secret, 0o000); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(locked, 0o000); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })

	if os.Geteuid() != 0 {
		code, stdout, stderr, r := robustRun(t, nil, dir)
		wantSkipped(t, code, stdout, stderr, r, secret, "permission denied")
		wantSkipped(t, code, stdout, stderr, r, locked, "permission denied")
		wantAudited(t, code, stderr, r, good, "")
		return
	}
	if testing.Short() {
		t.Skip("running as root, which reads unreadable files: the check runs the built binary as user 65534, skipped in -short mode")
	}
	bin := buildBinary(t)
	out := filepath.Join(t.TempDir(), "out")
	if err := os.Mkdir(out, 0o777); err != nil {
		t.Fatal(err)
	}
	// The unprivileged user must reach the binary, the inputs and the
	// output folder: open up the test's own temporary folders.
	for _, p := range []string{bin, out, dir} {
		for d := filepath.Dir(p); d != os.TempDir() && d != "/" && d != "."; d = filepath.Dir(d) {
			os.Chmod(d, 0o755)
		}
	}
	os.Chmod(dir, 0o755)
	os.Chmod(out, 0o777)
	cmd := command(t, bin, "--date", "2025-07-10", "--fail-on", "none", "-f", "json,text", "-o", out, dir)
	cmd.SysProcAttr.Credential = &syscall.Credential{Uid: 65534, Gid: 65534}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Skipf("cannot run as user 65534 here (%v): the permission path is not checked", err)
		}
		t.Fatalf("exit %d: %s", ee.ExitCode(), stderr.String())
	}
	r := readResult(t, filepath.Join(out, "quoteaudit.json"))
	wantSkipped(t, 0, stdout.String(), stderr.String(), r, secret, "permission denied")
	wantSkipped(t, 0, stdout.String(), stderr.String(), r, locked, "permission denied")
	wantAudited(t, 0, stderr.String(), r, good, "")
}

// TestRobustNamedPipe: a named pipe with a text extension, in a folder or
// named on the command line, is skipped without blocking the run.
func TestRobustNamedPipe(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, filepath.Join(dir, "good.txt"), []byte(goodArticle))
	pipe := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	code, stdout, stderr, r := robustRun(t, nil, dir)
	wantSkipped(t, code, stdout, stderr, r, pipe, "not a regular file")
	code, stdout, stderr, r = robustRun(t, nil, pipe, good)
	wantSkipped(t, code, stdout, stderr, r, pipe, "not a regular file")
}

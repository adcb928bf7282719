// Package ordered runs independent work on every CPU and hands the
// results back in order, so that parallel code gives the output of a
// plain loop: the checks read sources side by side this way, and the
// JSON writer encodes long lists.
package ordered

import (
	"runtime"
	"sync"
)

// Map runs work(i) for every i in [0, n) on up to GOMAXPROCS goroutines
// of its own and hands each result to done(i, v) on the calling
// goroutine, in increasing order of i: work may only read what it shares,
// while done may report or write and keep state, so the output is the
// same as a plain loop's. Work is handed out in batches of consecutive
// items, and at most a few batches per goroutine wait for done, so memory
// stays bounded whatever n is. A panic in work is raised again on the
// calling goroutine.
func Map[T any](n int, work func(i int) T, done func(i int, v T)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			done(i, work(i))
		}
		return
	}
	type batch struct {
		vs      []T
		failed  bool
		problem any
	}
	size := min(max(n/(32*workers), 1), 32)
	batches := (n + size - 1) / size
	window := 4 * workers
	// Batch b goes to slots[b%window]: work on b starts only once b-window
	// is done (tokens), so its slot is empty by then.
	slots := make([]chan batch, window)
	for k := range slots {
		slots[k] = make(chan batch, 1)
	}
	tokens := make(chan struct{}, window)
	next := make(chan int)
	quit := make(chan struct{})
	var wg sync.WaitGroup
	defer func() {
		close(quit)
		wg.Wait()
	}()
	wg.Add(1 + workers)
	go func() {
		defer wg.Done()
		defer close(next)
		for b := range batches {
			select {
			case tokens <- struct{}{}:
			case <-quit:
				return
			}
			select {
			case next <- b:
			case <-quit:
				return
			}
		}
	}()
	for range workers {
		go func() {
			defer wg.Done()
			for b := range next {
				slots[b%window] <- func() (out batch) {
					defer func() {
						if p := recover(); p != nil {
							out = batch{failed: true, problem: p}
						}
					}()
					out.vs = make([]T, 0, size)
					for i := b * size; i < min(n, (b+1)*size); i++ {
						out.vs = append(out.vs, work(i))
					}
					return out
				}()
			}
		}()
	}
	for b := range batches {
		out := <-slots[b%window]
		if out.failed {
			panic(out.problem)
		}
		for k, v := range out.vs {
			done(b*size+k, v)
		}
		<-tokens
	}
}

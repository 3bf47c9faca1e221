package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// Pagefind searches in a Web Worker, whose requests (the wasm, the index,
// the fragments) the page's DevTools session does not report. So the tab
// asks for its workers to be attached to it, paused at their start and
// speaking through the page's session (Target.setAutoAttach without
// flatten); each worker gets Network.enable before it runs, and its
// network events come back as Target.receivedMessageFromTarget, which
// the recorder reads like the page's own.

// attachWorkers makes the tab's workers wait for the debugger and report
// to the page's session.
func attachWorkers() chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		return cdp.Execute(ctx, target.CommandSetAutoAttach,
			map[string]any{"autoAttach": true, "waitForDebuggerOnStart": true, "flatten": false}, nil)
	})
}

// toWorker sends one DevTools command to a worker's session.
func toWorker(ctx context.Context, session target.SessionID, id int, method string) error {
	msg := fmt.Sprintf(`{"id":%d,"method":%q,"params":{}}`, id, method)
	return chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		return cdp.Execute(ctx, "Target.sendMessageToTarget",
			map[string]any{"sessionId": session, "message": msg}, nil)
	}))
}

// startWorker enables the network domain of a worker that waits at its
// start, then lets it run. It runs outside the event listener, which must
// not block.
func (r *recorder) startWorker(tab context.Context, e *target.EventAttachedToTarget) {
	if !strings.Contains(e.TargetInfo.Type, "worker") {
		return
	}
	go func() {
		err := toWorker(tab, e.SessionID, 1, "Network.enable")
		if err == nil {
			err = toWorker(tab, e.SessionID, 2, "Runtime.runIfWaitingForDebugger")
		}
		if err != nil {
			r.mu.Lock()
			r.failed = append(r.failed, "attaching to worker "+e.TargetInfo.URL+": "+err.Error())
			r.mu.Unlock()
		}
	}()
}

// fromWorker passes the network events of a worker's message to listen.
func (r *recorder) fromWorker(e *target.EventReceivedMessageFromTarget) {
	var m struct {
		Method string          `json:"method"`
		Params json.RawMessage `json:"params"`
	}
	if json.Unmarshal([]byte(e.Message), &m) != nil {
		return
	}
	var ev any
	switch m.Method {
	case "Network.requestWillBeSent":
		ev = new(network.EventRequestWillBeSent)
	case "Network.responseReceived":
		ev = new(network.EventResponseReceived)
	case "Network.loadingFinished":
		ev = new(network.EventLoadingFinished)
	case "Network.loadingFailed":
		ev = new(network.EventLoadingFailed)
	default:
		return
	}
	if json.Unmarshal(m.Params, ev) == nil {
		r.listen(ev)
	}
}

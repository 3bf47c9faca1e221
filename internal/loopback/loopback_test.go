package loopback

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// helperEnv makes the test binary a tiny web server on the port it names,
// standing in for nginx: the harness must start it, wait for it, and stop
// it, whichever server it runs.
const helperEnv = "TORV_LOOPBACK_HELPER_PORT"

func TestMain(m *testing.M) {
	if port := os.Getenv(helperEnv); port != "" {
		http.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "up") })
		fmt.Fprintln(os.Stderr, "helper listening on", port)
		if err := http.ListenAndServe("127.0.0.1:"+port, nil); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	os.Exit(m.Run())
}

func TestServeStartsAndStops(t *testing.T) {
	var s *Server
	t.Run("serve", func(t *testing.T) {
		s = Serve(t, "helper", func(port int) *exec.Cmd {
			cmd := exec.Command(os.Args[0])
			cmd.Env = append(os.Environ(), helperEnv+"="+strconv.Itoa(port))
			return cmd
		})
		resp, err := http.Get(s.URL + "/")
		if err != nil {
			t.Fatalf("the server Serve returned does not answer: %v", err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if string(b) != "up" {
			t.Errorf("answer %q, want %q", b, "up")
		}
	})
	// The subtest's cleanup stopped the server: its port no longer accepts.
	if c, err := net.Dial("tcp", "127.0.0.1:"+strconv.Itoa(s.Port)); err == nil {
		c.Close()
		t.Errorf("port %d still accepts after the test that started the server ended", s.Port)
	}
	if want := "helper listening on " + strconv.Itoa(s.Port); !strings.Contains(s.Log(), want) {
		t.Errorf("the server's output was not kept: %q, want it to hold %q", s.Log(), want)
	}
}

package ignore

import "testing"

func TestName(t *testing.T) {
	for name, want := range map[string]bool{
		"_index.md": false, "_index.en.md": false, "_index.sv.md": false, "_index.eng.md": true, "_index.EN.md": true, "sygedagpenge.md": false, "logo.svg": false,
		".git": true, ".DS_Store": true, "_kladde.md": true, "_drafts": true,
		"side.md~": true, ".side.md.swp": true, ".side.md.swx": true, "4913": true,
		".#side.md": true, "#side.md#": true, ".goutputstream-ABC123": true,
		"side.md___jb_tmp___": true, "side.md___jb_old___": true, "side.tmp": true, "side.md.bak": true,
	} {
		if got := Name(name); got != want {
			t.Errorf("Name(%q) = %v, want %v", name, got, want)
		}
	}
}

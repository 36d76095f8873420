// Command checkhostledger checks a running HostLedger with code that HostLedger did not write: Go's
// golang.org/x/mod/sumdb/note verifies the signed checkpoint with the published verifier key, and
// golang.org/x/mod/sumdb/tlog (RFC 6962 hashing, the same as RFC 9162's) checks the inclusion and
// consistency proofs the ledger serves, for many positions and tree sizes, all tied to the signed
// checkpoint. With -user and -password (role AUDITOR) it also recomputes leaves from the events' stored
// bytes with the byte layout the README documents, and checks each event's C2SP tlog-proof.
//
// Build in GOPATH mode against Debian's golang-golang-x-mod-dev:
//
//	GO111MODULE=off GOPATH=$PWD/verifier/go:/usr/share/gocode go run checkhostledger -url http://127.0.0.1:8080
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

var (
	base     = flag.String("url", "http://127.0.0.1:8080", "the ledger's base URL")
	user     = flag.String("user", "", "an AUDITOR user, to recompute leaves from the stored events")
	password = flag.String("password", "", "that user's password")
	sizes    = flag.Int("sizes", 40, "how many tree sizes to check")
)

type inclusion struct {
	Index    int64    `json:"index"`
	Size     int64    `json:"size"`
	LeafHash string   `json:"leafHash"`
	RootHash string   `json:"rootHash"`
	Proof    []string `json:"proof"`
}

type consistency struct {
	From     int64    `json:"from"`
	To       int64    `json:"to"`
	FromRoot string   `json:"fromRoot"`
	ToRoot   string   `json:"toRoot"`
	Proof    []string `json:"proof"`
}

type leafMaterial struct {
	Position        int64   `json:"position"`
	EventID         string  `json:"eventId"`
	AggregateType   string  `json:"aggregateType"`
	AggregateID     string  `json:"aggregateId"`
	Sequence        int64   `json:"sequence"`
	RecordedAt      string  `json:"recordedAt"`
	PayloadType     string  `json:"payloadType"`
	PayloadRevision *string `json:"payloadRevision"`
	Payload         string  `json:"payload"`
	Metadata        string  `json:"metadata"`
	ChainHash       string  `json:"chainHash"`
	LeafHash        string  `json:"leafHash"`
}

func main() {
	flag.Parse()
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "FAILED:", err)
		os.Exit(1)
	}
	fmt.Println("OK: checkpoint, proofs and leaves verified by golang.org/x/mod/sumdb/note and tlog")
}

func run() error {
	vkey, err := get("/api/ledger/verifier-key", false)
	if err != nil {
		return err
	}
	verifier, err := note.NewVerifier(strings.TrimSpace(string(vkey)))
	if err != nil {
		return fmt.Errorf("verifier key: %v", err)
	}
	msg, err := get("/api/ledger/checkpoint", false)
	if err != nil {
		return err
	}
	origin, size, root, err := openCheckpoint(msg, verifier)
	if err != nil {
		return err
	}
	fmt.Printf("checkpoint %s, size %d, root %s: signature verified by %s\n", origin, size, root, verifier.Name())
	if size < 2 {
		return errors.New("the ledger holds fewer than 2 events: nothing to prove")
	}

	checkedSizes, checkedLeaves := 0, 0
	for _, n := range sample(size, *sizes) {
		// The root at size n, proved consistent with the signed checkpoint.
		var c consistency
		if err := getJSON(fmt.Sprintf("/api/ledger/proofs/consistency?from=%d&to=%d", n, size), &c); err != nil {
			return err
		}
		rootN, err := hash(c.FromRoot)
		if err != nil {
			return err
		}
		toRoot, err := hash(c.ToRoot)
		if err != nil {
			return err
		}
		if toRoot != root {
			return fmt.Errorf("the consistency proof's root at %d is not the checkpoint's", size)
		}
		treeProof, err := hashes(c.Proof)
		if err != nil {
			return err
		}
		if err := tlog.CheckTree(tlog.TreeProof(treeProof), size, root, n, rootN); err != nil {
			return fmt.Errorf("consistency %d -> %d: %v", n, size, err)
		}
		// A forged root for size n must fail.
		forged := rootN
		forged[0] ^= 1
		if tlog.CheckTree(tlog.TreeProof(treeProof), size, root, n, forged) == nil {
			return fmt.Errorf("consistency %d -> %d accepted a forged root", n, size)
		}
		checkedSizes++
		// Inclusion of several leaves in the tree of size n.
		for _, i := range sample(n, 6) {
			index := i - 1
			var p inclusion
			if err := getJSON(fmt.Sprintf("/api/ledger/proofs/inclusion?index=%d&size=%d", index, n), &p); err != nil {
				return err
			}
			leaf, err := hash(p.LeafHash)
			if err != nil {
				return err
			}
			recordProof, err := hashes(p.Proof)
			if err != nil {
				return err
			}
			if err := tlog.CheckRecord(tlog.RecordProof(recordProof), n, rootN, index, leaf); err != nil {
				return fmt.Errorf("inclusion of %d at size %d: %v", index, n, err)
			}
			if n > 1 && tlog.CheckRecord(tlog.RecordProof(recordProof), 2*n, rootN, index, leaf) == nil {
				return fmt.Errorf("inclusion of %d accepted at the doubled size %d", index, 2*n)
			}
			checkedLeaves++
		}
	}
	fmt.Printf("consistency verified for %d sizes, inclusion for %d leaves\n", checkedSizes, checkedLeaves)

	if *user != "" {
		n, err := checkLeaves(size, verifier)
		if err != nil {
			return err
		}
		fmt.Printf("%d events recomputed from their stored bytes and checked against their tlog-proof\n", n)
	}
	return nil
}

// openCheckpoint verifies a C2SP checkpoint note and parses its body.
func openCheckpoint(msg []byte, verifier note.Verifier) (string, int64, tlog.Hash, error) {
	n, err := note.Open(msg, note.VerifierList(verifier))
	if err != nil {
		return "", 0, tlog.Hash{}, fmt.Errorf("checkpoint signature: %v", err)
	}
	lines := strings.Split(strings.TrimSuffix(n.Text, "\n"), "\n")
	if len(lines) < 3 {
		return "", 0, tlog.Hash{}, errors.New("the checkpoint has fewer than 3 lines")
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil {
		return "", 0, tlog.Hash{}, fmt.Errorf("checkpoint size: %v", err)
	}
	root, err := hash(lines[2])
	if err != nil {
		return "", 0, tlog.Hash{}, err
	}
	if lines[0] != verifier.Name() {
		return "", 0, tlog.Hash{}, fmt.Errorf("origin %q is not the key's name %q", lines[0], verifier.Name())
	}
	return lines[0], size, root, nil
}

// checkLeaves recomputes leaves from the stored events and checks each event's tlog-proof.
func checkLeaves(size int64, verifier note.Verifier) (int, error) {
	count := 0
	for _, position := range sample(size, 25) {
		var m leafMaterial
		if err := getJSONAuth(fmt.Sprintf("/api/audit/events/%d/leaf", position), &m); err != nil {
			return 0, err
		}
		leaf, err := leafHash(m)
		if err != nil {
			return 0, err
		}
		served, err := hash(m.LeafHash)
		if err != nil {
			return 0, err
		}
		if leaf != served {
			return 0, fmt.Errorf("position %d: the recomputed leaf differs from the served one", position)
		}
		body, err := get(fmt.Sprintf("/api/audit/events/%d/proof", position), false)
		if err != nil {
			return 0, err
		}
		index, proof, checkpoint, err := parseTlogProof(body)
		if err != nil {
			return 0, fmt.Errorf("position %d: %v", position, err)
		}
		_, cpSize, cpRoot, err := openCheckpoint(checkpoint, verifier)
		if err != nil {
			return 0, err
		}
		if index != position-1 {
			return 0, fmt.Errorf("position %d: the proof is for index %d", position, index)
		}
		if err := tlog.CheckRecord(proof, cpSize, cpRoot, index, leaf); err != nil {
			return 0, fmt.Errorf("tlog-proof of position %d: %v", position, err)
		}
		count++
	}
	return count, nil
}

// leafHash is the README's leaf layout, written again here from the documentation.
func leafHash(m leafMaterial) (tlog.Hash, error) {
	var b bytes.Buffer
	b.WriteString("hostledger-leaf-v1")
	recorded, err := time.Parse(time.RFC3339Nano, m.RecordedAt)
	if err != nil {
		return tlog.Hash{}, err
	}
	micros := recorded.Unix()*1_000_000 + int64(recorded.Nanosecond()/1000)
	for _, v := range []int64{m.Position, m.Sequence, micros} {
		binary.Write(&b, binary.BigEndian, v)
	}
	texts := []*string{&m.EventID, &m.AggregateType, &m.AggregateID, &m.PayloadType, m.PayloadRevision}
	for _, t := range texts {
		if t == nil {
			binary.Write(&b, binary.BigEndian, int32(-1))
			continue
		}
		binary.Write(&b, binary.BigEndian, int32(len(*t)))
		b.WriteString(*t)
	}
	for _, field := range []string{m.Payload, m.Metadata} {
		raw, err := base64.StdEncoding.DecodeString(field)
		if err != nil {
			return tlog.Hash{}, err
		}
		sum := sha256.Sum256(raw)
		b.Write(sum[:])
	}
	chain, err := base64.StdEncoding.DecodeString(m.ChainHash)
	if err != nil || len(chain) != 32 {
		return tlog.Hash{}, fmt.Errorf("chain hash of %d", m.Position)
	}
	b.Write(chain)
	return tlog.RecordHash(b.Bytes()), nil
}

func parseTlogProof(body []byte) (int64, tlog.RecordProof, []byte, error) {
	parts := strings.SplitN(string(body), "\n\n", 2)
	if len(parts) != 2 {
		return 0, nil, nil, errors.New("no blank line in the tlog-proof")
	}
	lines := strings.Split(parts[0], "\n")
	if lines[0] != "c2sp.org/tlog-proof@v1" {
		return 0, nil, nil, errors.New("not a c2sp.org/tlog-proof@v1")
	}
	i := 1
	if i < len(lines) && strings.HasPrefix(lines[i], "extra ") {
		i++
	}
	if i >= len(lines) || !strings.HasPrefix(lines[i], "index ") {
		return 0, nil, nil, errors.New("no index line")
	}
	index, err := strconv.ParseInt(strings.TrimPrefix(lines[i], "index "), 10, 64)
	if err != nil {
		return 0, nil, nil, err
	}
	proof, err := hashes(lines[i+1:])
	if err != nil {
		return 0, nil, nil, err
	}
	return index, tlog.RecordProof(proof), []byte(parts[1]), nil
}

// sample picks up to k values in 1..n, always including 1 and n.
func sample(n int64, k int) []int64 {
	seen := map[int64]bool{}
	var out []int64
	for j := 0; j < k; j++ {
		v := int64(1)
		if k > 1 {
			v = 1 + (n-1)*int64(j)/int64(k-1)
		}
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

func hash(b64 string) (tlog.Hash, error) {
	raw, err := base64.StdEncoding.DecodeString(b64)
	if err != nil || len(raw) != tlog.HashSize {
		return tlog.Hash{}, fmt.Errorf("not a base64 hash: %q", b64)
	}
	var h tlog.Hash
	copy(h[:], raw)
	return h, nil
}

func hashes(list []string) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, 0, len(list))
	for _, s := range list {
		h, err := hash(s)
		if err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, nil
}

func get(path string, auth bool) ([]byte, error) {
	req, err := http.NewRequest("GET", *base+path, nil)
	if err != nil {
		return nil, err
	}
	if auth {
		req.SetBasicAuth(*user, *password)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != 200 {
		return nil, fmt.Errorf("GET %s: %s %s", path, resp.Status, body)
	}
	return body, nil
}

func getJSON(path string, v interface{}) error {
	body, err := get(path, false)
	if err != nil {
		return err
	}
	return json.Unmarshal(body, v)
}

func getJSONAuth(path string, v interface{}) error {
	body, err := get(path, true)
	if err != nil {
		return err
	}
	return json.Unmarshal(body, v)
}

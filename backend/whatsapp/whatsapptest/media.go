package whatsapptest

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// The fake's media side follows Meta's documented shapes:
//
//   - GET /{version}/{media-id} answers {"messaging_product", "url",
//     "mime_type", "sha256" (hex), "file_size" (a string), "id"} for media
//     registered with AddMedia (a customer's photo) or uploaded;
//   - GET {url} (with the bearer token) answers the bytes, until the address
//     expires (MediaURLTTL after it was handed out, or ExpireMediaURLs): then
//     404, as Meta's lookaside addresses do;
//   - POST /{version}/{phone-number-id}/media takes multipart/form-data with
//     messaging_product=whatsapp, type and file, and answers {"id"}.
//
// A message sent with a media id the fake never issued (or one dropped with
// ForgetUploads) is refused with Meta's 131053 "Media upload error".

// MediaURLTTL is how long a download address stays valid (Meta: 5 minutes).
const MediaURLTTL = 5 * time.Minute

// MediaFile is a file the fake serves through the media endpoints. MimeType,
// SHA256 and FileSize are what the fake announces; leave SHA256 and
// FileSize empty to announce the truth.
type MediaFile struct {
	ID       string
	MimeType string
	Data     []byte
	SHA256   string
	FileSize string
}

// Upload is one file the fake received on POST /{phone-number-id}/media.
type Upload struct {
	ID       string
	Filename string
	// MimeType is the "type" field, PartType the file part's Content-Type.
	MimeType string
	PartType string
	Data     []byte
}

// mediaState is the fake's media store; guarded by Graph.mu.
type mediaState struct {
	files    map[string]MediaFile
	urls     map[string]mediaURL // token -> media id and expiry
	uploads  []Upload
	known    map[string]bool // ids a message may be sent with
	seq      int
	infoFail []Failure
	dlFail   []Failure
	upFail   []Failure
	infos    int
	fetches  int
}

type mediaURL struct {
	id      string
	expires time.Time
}

func (m *mediaState) init() {
	if m.files == nil {
		m.files, m.urls, m.known = map[string]MediaFile{}, map[string]mediaURL{}, map[string]bool{}
	}
}

// AddMedia registers a file a customer sent (announced truthfully) and
// returns its media id, for a webhook built with MediaBody.
func (g *Graph) AddMedia(mimeType string, data []byte) string {
	return g.AddMediaFile(MediaFile{MimeType: mimeType, Data: data})
}

// AddMediaFile registers a file with full control of what is announced
// (a wrong type, size or checksum); an empty ID gets a fresh one.
func (g *Graph) AddMediaFile(f MediaFile) string {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.media.init()
	if f.ID == "" {
		g.media.seq++
		f.ID = strconv.Itoa(4000000000000000 + g.media.seq)
	}
	if f.SHA256 == "" {
		sum := sha256.Sum256(f.Data)
		f.SHA256 = hex.EncodeToString(sum[:])
	}
	if f.FileSize == "" {
		f.FileSize = strconv.Itoa(len(f.Data))
	}
	g.media.files[f.ID] = f
	return f.ID
}

// Uploads returns every file received on the upload endpoint, in order.
func (g *Graph) Uploads() []Upload {
	g.mu.Lock()
	defer g.mu.Unlock()
	return append([]Upload(nil), g.media.uploads...)
}

// MediaRequests counts the GET /{media-id} and download requests received.
func (g *Graph) MediaRequests() (infos, downloads int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.media.infos, g.media.fetches
}

// FailMediaInfo, FailDownload and FailUpload make the next requests of that
// endpoint fail with the given answers, in order.
func (g *Graph) FailMediaInfo(fs ...Failure) { g.queueFailures(&g.media.infoFail, fs) }

// FailDownload: see FailMediaInfo.
func (g *Graph) FailDownload(fs ...Failure) { g.queueFailures(&g.media.dlFail, fs) }

// FailUpload: see FailMediaInfo.
func (g *Graph) FailUpload(fs ...Failure) { g.queueFailures(&g.media.upFail, fs) }

func (g *Graph) queueFailures(q *[]Failure, fs []Failure) {
	g.mu.Lock()
	defer g.mu.Unlock()
	*q = append(*q, fs...)
}

// ExpireMediaURLs makes every download address handed out so far answer
// 404, as Meta's do a few minutes after GET /{media-id}.
func (g *Graph) ExpireMediaURLs() {
	g.mu.Lock()
	defer g.mu.Unlock()
	for tok, u := range g.media.urls {
		u.expires = time.Time{}
		g.media.urls[tok] = u
	}
}

// ForgetUploads makes the ids of every upload so far unknown, as Meta does
// 30 days after an upload: messages sent with them are refused.
func (g *Graph) ForgetUploads() {
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, u := range g.media.uploads {
		delete(g.media.known, u.ID)
	}
}

// ExpiredMedia is Meta's answer to a message whose media id it no longer has.
var ExpiredMedia = Failure{400, `{"error":{"message":"(#131053) Media upload error","type":"OAuthException","code":131053,"error_data":{"messaging_product":"whatsapp","details":"The media id is unknown or expired."}}}`}

// mediaKnown reports whether a message may be sent with media id; the
// caller holds g.mu.
func (g *Graph) mediaKnown(id string) bool {
	g.media.init()
	return g.media.known[id]
}

// serveMedia answers the media endpoints and reports whether r was one.
func (g *Graph) serveMedia(w http.ResponseWriter, r *http.Request) bool {
	switch {
	case r.Method == http.MethodPost && r.URL.Path == "/"+Version+"/"+PhoneNumberID+"/media":
		g.serveUpload(w, r)
	case r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/lookaside/"):
		g.serveDownload(w, r, strings.TrimPrefix(r.URL.Path, "/lookaside/"))
	case r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/"+Version+"/") &&
		!strings.Contains(strings.TrimPrefix(r.URL.Path, "/"+Version+"/"), "/") &&
		r.URL.Path != "/"+Version+"/"+PhoneNumberID: // the phone number's own node is not media
		g.serveMediaInfo(w, r, strings.TrimPrefix(r.URL.Path, "/"+Version+"/"))
	default:
		return false
	}
	return true
}

func (g *Graph) authorized(w http.ResponseWriter, r *http.Request) bool {
	if r.Header.Get("Authorization") != "Bearer "+Token {
		writeGraph(w, http.StatusUnauthorized, `{"error":{"message":"Invalid OAuth access token","type":"OAuthException","code":190}}`)
		return false
	}
	return true
}

// takeFailure pops the next queued failure of one endpoint; the caller
// holds g.mu.
func takeFailure(q *[]Failure) *Failure {
	if len(*q) == 0 {
		return nil
	}
	f := (*q)[0]
	*q = (*q)[1:]
	return &f
}

func (g *Graph) serveMediaInfo(w http.ResponseWriter, r *http.Request, id string) {
	if !g.authorized(w, r) {
		return
	}
	g.mu.Lock()
	g.media.init()
	g.media.infos++
	fail := takeFailure(&g.media.infoFail)
	f, ok := g.media.files[id]
	var token string
	if ok && fail == nil {
		g.media.seq++
		token = fmt.Sprintf("%d-%s", g.media.seq, id)
		g.media.urls[token] = mediaURL{id: id, expires: time.Now().Add(MediaURLTTL)}
	}
	g.mu.Unlock()
	switch {
	case fail != nil:
		writeGraph(w, fail.Status, fail.Body)
	case !ok:
		writeGraph(w, http.StatusBadRequest, `{"error":{"message":"Unsupported get request. Object with ID '`+strings.ReplaceAll(id, `"`, "")+`' does not exist","type":"GraphMethodException","code":100,"error_subcode":33}}`)
	default:
		b, _ := json.Marshal(map[string]string{"messaging_product": "whatsapp", "url": g.URL + "/lookaside/" + token + "?ext=1",
			"mime_type": f.MimeType, "sha256": f.SHA256, "file_size": f.FileSize, "id": f.ID})
		writeGraph(w, http.StatusOK, string(b))
	}
}

func (g *Graph) serveDownload(w http.ResponseWriter, r *http.Request, token string) {
	if !g.authorized(w, r) {
		return
	}
	g.mu.Lock()
	g.media.init()
	g.media.fetches++
	fail := takeFailure(&g.media.dlFail)
	u, ok := g.media.urls[token]
	f := g.media.files[u.id]
	g.mu.Unlock()
	switch {
	case fail != nil:
		writeGraph(w, fail.Status, fail.Body)
	case !ok || time.Now().After(u.expires):
		http.NotFound(w, r)
	default:
		w.Header().Set("Content-Type", f.MimeType)
		w.Header().Set("Content-Length", strconv.Itoa(len(f.Data)))
		w.Write(f.Data)
	}
}

// maxUpload is Meta's largest upload (a 100 MB document) plus the envelope.
const maxUpload = 100<<20 + 1<<20

func (g *Graph) serveUpload(w http.ResponseWriter, r *http.Request) {
	if !g.authorized(w, r) {
		return
	}
	up, problem := readUpload(r)
	g.mu.Lock()
	g.media.init()
	fail := takeFailure(&g.media.upFail)
	if fail == nil && problem == "" {
		g.media.seq++
		up.ID = strconv.Itoa(7000000000000000 + g.media.seq)
		g.media.uploads = append(g.media.uploads, up)
		g.media.known[up.ID] = true
		sum := sha256.Sum256(up.Data)
		g.media.files[up.ID] = MediaFile{ID: up.ID, MimeType: up.MimeType, Data: up.Data,
			SHA256: base64.StdEncoding.EncodeToString(sum[:]), FileSize: strconv.Itoa(len(up.Data))}
	}
	g.mu.Unlock()
	switch {
	case fail != nil:
		writeGraph(w, fail.Status, fail.Body)
	case problem != "":
		writeGraph(w, http.StatusBadRequest, `{"error":{"message":"(#100) `+problem+`","type":"OAuthException","code":100}}`)
	default:
		writeGraph(w, http.StatusOK, `{"id":"`+up.ID+`"}`)
	}
}

// readUpload reads Meta's three multipart fields; problem says what is
// missing, in the words of Meta's error.
func readUpload(r *http.Request) (Upload, string) {
	mr, err := r.MultipartReader()
	if err != nil {
		return Upload{}, "The parameter file is required."
	}
	var up Upload
	product := ""
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return Upload{}, "Invalid multipart body."
		}
		data, err := io.ReadAll(io.LimitReader(p, maxUpload))
		if err != nil {
			return Upload{}, "Invalid multipart body."
		}
		switch p.FormName() {
		case "messaging_product":
			product = string(data)
		case "type":
			up.MimeType = string(data)
		case "file":
			up.Filename, up.PartType, up.Data = p.FileName(), p.Header.Get("Content-Type"), data
		}
	}
	switch {
	case product != "whatsapp":
		return Upload{}, "The parameter messaging_product is required."
	case up.MimeType == "":
		return Upload{}, "The parameter type is required."
	case up.Data == nil:
		return Upload{}, "The parameter file is required."
	}
	return up, ""
}

func writeGraph(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	io.WriteString(w, body)
}

// MediaInbound describes one customer message with an attachment.
type MediaInbound struct {
	From, Name, ID string
	At             time.Time
	// Kind is image, audio, video, document or sticker.
	Kind     string
	MediaID  string
	MimeType string
	// SHA256 is announced in the webhook (Meta writes it in base64); empty
	// leaves it out.
	SHA256   string
	Caption  string
	Filename string
}

// MediaBody returns the webhook body of one media message, in Meta's
// documented shape.
func MediaBody(m MediaInbound) []byte {
	at := m.At
	if at.IsZero() {
		at = time.Now()
	}
	media := map[string]string{"id": m.MediaID, "mime_type": m.MimeType}
	for k, v := range map[string]string{"sha256": m.SHA256, "caption": m.Caption, "filename": m.Filename} {
		if v != "" {
			media[k] = v
		}
	}
	msg := map[string]any{"from": m.From, "id": m.ID, "timestamp": strconv.FormatInt(at.Unix(), 10), "type": m.Kind, m.Kind: media}
	return envelope(map[string]any{"messaging_product": "whatsapp",
		"metadata": map[string]string{"display_phone_number": "15550783881", "phone_number_id": PhoneNumberID},
		"contacts": []map[string]any{{"profile": map[string]string{"name": m.Name}, "wa_id": m.From}},
		"messages": []map[string]any{msg}})
}

package media_test

import (
	"bytes"
	"errors"
	"testing"

	"chatflow/backend/flow"
	"chatflow/backend/store"
)

// Deleting a conversation deletes its files at once, except those still
// referred to elsewhere: the same photo in another conversation, a file a
// flow attaches.
func TestDeleteConversationDeletesItsOwnFiles(t *testing.T) {
	w := newWorld(t)
	w.start()
	const ana, bruno = "5511999990001", "5511999990002"
	other := append(bytes.Clone(photo[:len(photo)-1]), 'x')
	own := w.await(w.receiveFrom(ana, "image", w.graph.AddMedia("image/jpeg", photo), "image/jpeg", ""))
	shared := w.await(w.receiveFrom(ana, "image", w.graph.AddMedia("image/jpeg", other), "image/jpeg", ""))
	w.await(w.receiveFrom(bruno, "image", w.graph.AddMedia("image/jpeg", other), "image/jpeg", ""))
	menuID := w.receiveFrom(ana, "document", w.graph.AddMedia("application/pdf", menu), "application/pdf", "menu.pdf")
	inFlow := w.await(menuID)
	attached, err := w.lib.Attach(bg, bytes.NewReader(menu), "menu.pdf", "document")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.db.CreateFlow(bg, flow.Flow{Name: "Menu", Nodes: []flow.Node{{ID: "m", Type: "message",
		Data: flow.NodeData{MediaType: "document", MediaFile: attached.Key, MediaName: "menu.pdf"}}}}, store.FlowCheck{}); err != nil {
		t.Fatal(err)
	}
	row, err := w.db.MediaDownload(bg, menuID)
	if err != nil {
		t.Fatal(err)
	}

	res, err := w.lib.DeleteConversation(bg, row.ContactID)
	if err != nil || res.Files != 1 || res.Bytes != int64(len(photo)) {
		t.Fatalf("delete: %+v %v, want only Ana's own photo", res, err)
	}
	if exists(own.Path) {
		t.Fatal("Ana's photo is still on disk")
	}
	if !exists(shared.Path) || !exists(inFlow.Path) {
		t.Fatal("a file still referred to elsewhere went with the conversation")
	}
	if _, err := w.db.Contact(bg, row.ContactID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("the contact is still there: %v", err)
	}
	if _, err := w.lib.DeleteConversation(bg, row.ContactID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("deleting again: %v, want not found", err)
	}
}

package whatsapptest

import (
	"net/http"

	"chatflow/backend/whatsapp"
)

// AppSecret is the app secret of the fake's app: an appsecret_proof made
// with another secret is refused, as Meta does.
const AppSecret = "test-app-secret"

// PhoneNumberAnswer is what the fake says about PhoneNumberID.
const PhoneNumberAnswer = `{"id":"` + PhoneNumberID + `","display_phone_number":"+1 555-010-0199","verified_name":"Test Number","quality_rating":"GREEN"}`

// servePhoneNumber answers GET /{version}/{PhoneNumberID} (the settings'
// "test connection") like Meta: the token first, then the appsecret_proof
// when one is sent, then the number. Other ids fall through to the media
// lookup, which refuses unknown ids with Meta's code 100, subcode 33.
func (g *Graph) servePhoneNumber(w http.ResponseWriter, r *http.Request) bool {
	if r.Method != http.MethodGet || r.URL.Path != "/"+Version+"/"+PhoneNumberID {
		return false
	}
	if !g.authorized(w, r) {
		return true
	}
	if proof := r.URL.Query().Get("appsecret_proof"); proof != "" && proof != whatsapp.AppSecretProof(Token, AppSecret) {
		writeGraph(w, http.StatusBadRequest, `{"error":{"message":"Invalid appsecret_proof provided in the API argument","type":"GraphMethodException","code":100}}`)
		return true
	}
	writeGraph(w, http.StatusOK, PhoneNumberAnswer)
	return true
}

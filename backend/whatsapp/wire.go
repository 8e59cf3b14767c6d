package whatsapp

// The wire types below mirror the Cloud API webhook JSON as Meta documents it
// (snake_case). They are unexported: callers get the normalized types of
// message.go, which keep only what the product uses.

type wireNotification struct {
	Object string      `json:"object"`
	Entry  []wireEntry `json:"entry"`
}

type wireEntry struct {
	ID      string       `json:"id"`
	Changes []wireChange `json:"changes"`
}

type wireChange struct {
	Field string    `json:"field"`
	Value wireValue `json:"value"`
}

type wireValue struct {
	MessagingProduct string        `json:"messaging_product"`
	Metadata         wireMetadata  `json:"metadata"`
	Contacts         []wireContact `json:"contacts"`
	Messages         []wireMessage `json:"messages"`
	Statuses         []wireStatus  `json:"statuses"`
	Errors           []wireError   `json:"errors"`
}

type wireMetadata struct {
	DisplayPhoneNumber string `json:"display_phone_number"`
	PhoneNumberID      string `json:"phone_number_id"`
}

type wireContact struct {
	Profile struct {
		Name string `json:"name"`
	} `json:"profile"`
	WaID   string `json:"wa_id"`
	UserID string `json:"user_id"`
}

type wireMessage struct {
	From        string              `json:"from"`
	FromUserID  string              `json:"from_user_id"`
	ID          string              `json:"id"`
	Timestamp   string              `json:"timestamp"`
	Type        string              `json:"type"`
	Context     *wireContext        `json:"context"`
	Text        *wireText           `json:"text"`
	Interactive *wireInteractive    `json:"interactive"`
	Button      *wireButton         `json:"button"`
	Image       *wireMedia          `json:"image"`
	Audio       *wireMedia          `json:"audio"`
	Video       *wireMedia          `json:"video"`
	Document    *wireMedia          `json:"document"`
	Sticker     *wireMedia          `json:"sticker"`
	Location    *wireLocation       `json:"location"`
	Contacts    []wireSharedContact `json:"contacts"`
	Reaction    *wireReaction       `json:"reaction"`
	System      *wireSystem         `json:"system"`
	Errors      []wireError         `json:"errors"`
}

type wireContext struct {
	From string `json:"from"`
	ID   string `json:"id"`
}

type wireText struct {
	Body string `json:"body"`
}

type wireInteractive struct {
	Type        string     `json:"type"`
	ButtonReply *wireReply `json:"button_reply"`
	ListReply   *wireReply `json:"list_reply"`
}

type wireReply struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Description string `json:"description"`
}

type wireButton struct {
	Text    string `json:"text"`
	Payload string `json:"payload"`
}

type wireMedia struct {
	ID       string `json:"id"`
	MimeType string `json:"mime_type"`
	SHA256   string `json:"sha256"`
	Caption  string `json:"caption"`
	Filename string `json:"filename"`
	Voice    bool   `json:"voice"`
	Animated bool   `json:"animated"`
}

type wireLocation struct {
	Latitude  float64 `json:"latitude"`
	Longitude float64 `json:"longitude"`
	Name      string  `json:"name"`
	Address   string  `json:"address"`
	URL       string  `json:"url"`
}

type wireSharedContact struct {
	Name struct {
		FormattedName string `json:"formatted_name"`
		FirstName     string `json:"first_name"`
		LastName      string `json:"last_name"`
	} `json:"name"`
	Phones []struct {
		Phone string `json:"phone"`
		WaID  string `json:"wa_id"`
		Type  string `json:"type"`
	} `json:"phones"`
}

type wireReaction struct {
	MessageID string `json:"message_id"`
	Emoji     string `json:"emoji"`
}

type wireSystem struct {
	Body    string `json:"body"`
	Type    string `json:"type"`
	WaID    string `json:"wa_id"`
	NewWaID string `json:"new_wa_id"`
	UserID  string `json:"user_id"`
}

type wireStatus struct {
	ID              string      `json:"id"`
	Status          string      `json:"status"`
	Timestamp       string      `json:"timestamp"`
	RecipientID     string      `json:"recipient_id"`
	RecipientUserID string      `json:"recipient_user_id"`
	Callback        string      `json:"biz_opaque_callback_data"`
	Errors          []wireError `json:"errors"`
}

type wireError struct {
	Code      int    `json:"code"`
	Title     string `json:"title"`
	Message   string `json:"message"`
	Details   string `json:"details"`
	ErrorData struct {
		Details string `json:"details"`
	} `json:"error_data"`
	Href string `json:"href"`
}

// wireSendResponse is the Graph API's answer to POST /messages.
type wireSendResponse struct {
	Messages []struct {
		ID string `json:"id"`
	} `json:"messages"`
	Error *wireGraphError `json:"error"`
}

// wireGraphError is the Graph API's error object.
type wireGraphError struct {
	Message      string `json:"message"`
	Type         string `json:"type"`
	Code         int    `json:"code"`
	ErrorSubcode int    `json:"error_subcode"`
	ErrorUserMsg string `json:"error_user_msg"`
	ErrorData    struct {
		Details string `json:"details"`
	} `json:"error_data"`
	FBTraceID string `json:"fbtrace_id"`
}

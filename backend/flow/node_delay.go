package flow

// TypeDelay waits before the next message is sent.
const TypeDelay = "delay"

// MaxDelaySeconds is the longest wait of a delay node: one day.
const MaxDelaySeconds = 24 * 60 * 60

var delayDef = Def{
	Type:        TypeDelay,
	Label:       "Delay",
	Description: "Waits a number of seconds before the next message is sent.",
	Group:       GroupLogic,
	Fields:      []Field{{Name: "seconds", Kind: KindNumber}},
	Defaults:    NodeData{Seconds: 2},
	Outputs:     []OutputRule{Fixed(HandleOut, "")},
	Limits:      []Limit{{"seconds", MaxDelaySeconds}},
	check:       checkDelay,
}

func checkDelay(v *validator, n Node) {
	if n.Data.Seconds < 1 || n.Data.Seconds > MaxDelaySeconds {
		v.add(SeverityError, n.ID, "seconds", "A delay lasts from 1 to %d seconds.", MaxDelaySeconds)
	}
}

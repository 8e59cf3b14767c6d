package app

import "chatflow/backend/studio"

// Simulator runs a flow's saved draft with the real engine and real API
// calls, without WhatsApp. Each turn is also emitted as simulator:turn.
type Simulator struct{ d *Deps }

// SimSession is a started simulation.
type SimSession studio.SimSession

// SimTurn is what one simulated message did.
type SimTurn studio.SimTurn

func (s *Simulator) use() *studio.Simulator { return s.d.Studio.Simulator }

// Start opens a simulation of a flow's saved draft.
func (s *Simulator) Start(flowID int64) (SimSession, error) {
	ss, err := s.use().Start(s.d.Ctx, flowID, nil)
	return SimSession(ss), err
}

// Send delivers one customer message: text typed, or replyID when an option
// was tapped.
func (s *Simulator) Send(simID, text, replyID string) (SimTurn, error) {
	t, err := s.use().Send(s.d.Ctx, simID, text, replyID)
	return SimTurn(t), err
}

// Restart forgets the conversation and the values gathered.
func (s *Simulator) Restart(simID string) (SimTurn, error) {
	t, err := s.use().Restart(simID)
	return SimTurn(t), err
}

// Stop ends a simulation and frees it.
func (s *Simulator) Stop(simID string) error {
	s.use().Stop(simID)
	return nil
}

package flow

// RenameInText exposes renamePlaceholder to the black-box tests.
var RenameInText = func(s, oldName, newName string) string { return renamePlaceholder(s, oldName, newName) }

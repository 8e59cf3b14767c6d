package app

import (
	"fmt"
	"log/slog"
	"path/filepath"

	"chatflow/backend/apperr"
	"chatflow/backend/studio"
)

// Data is the app's own housekeeping: where the data lives, backups and
// restore, the first-run templates and checklist, and (in the desktop
// window, data_window.go) what closing the window does.
type Data struct {
	d *Deps
	// openPath opens a folder in the system's file manager.
	openPath func(path string) error
	window   windowControl
}

func newData(deps *Deps) *Data {
	return &Data{d: deps, openPath: openFolder, window: windowControl{deps: deps}}
}

// DataFolder says where the app keeps its data.
type DataFolder studio.DataFolder

// BackupInfo is one backup file in the list.
type BackupInfo studio.BackupInfo

// RestoreResult answers a staged restore.
type RestoreResult studio.RestoreResult

// Template is a starting point offered on the welcome screen.
type Template studio.Template

// StartResult is the flow a template or a blank start created.
type StartResult studio.StartResult

// Checklist is the newcomer's path to a live bot.
type Checklist studio.Checklist

// Folder reports where the data lives.
func (d *Data) Folder() (DataFolder, error) { return DataFolder(d.d.Studio.Backups.Folder()), nil }

// OpenFolder shows the data folder in the system's file manager.
func (d *Data) OpenFolder() error {
	dir := filepath.Dir(d.d.DBPath)
	if err := d.openPath(dir); err != nil {
		d.d.Log.Warn("data: open folder", slog.String("dir", dir), slog.Any("err", err))
		return apperr.Wrap(apperr.EUNAVAILABLE, err, fmt.Sprintf("Could not open the folder here; it is %s.", dir))
	}
	return nil
}

// BackupNow makes a backup at once and keeps only the newest seven.
func (d *Data) BackupNow() (BackupInfo, error) {
	b, err := d.d.Studio.Backups.BackupNow(d.d.Ctx)
	return BackupInfo(b), err
}

// Backups lists the backups, newest first.
func (d *Data) Backups() ([]BackupInfo, error) {
	list, err := d.d.Studio.Backups.List()
	return each(list, func(b studio.BackupInfo) BackupInfo { return BackupInfo(b) }), err
}

// Restore checks a backup file and stages it for the next start.
func (d *Data) Restore(path string) (RestoreResult, error) {
	r, err := d.d.Studio.Backups.Restore(d.d.Ctx, path)
	return RestoreResult(r), err
}

// CancelRestore forgets a staged restore.
func (d *Data) CancelRestore() error { return d.d.Studio.Backups.CancelRestore() }

// Templates lists the starting points.
func (d *Data) Templates() ([]Template, error) {
	return each(d.d.Studio.FirstRun.Templates(), func(t studio.Template) Template { return Template(t) }), nil
}

// StartFromTemplate imports a template as a draft flow.
func (d *Data) StartFromTemplate(id string) (StartResult, error) {
	r, err := d.d.Studio.FirstRun.StartFromTemplate(d.d.Ctx, id)
	return StartResult(r), err
}

// StartBlank creates an empty flow named "My first flow".
func (d *Data) StartBlank() (StartResult, error) {
	r, err := d.d.Studio.FirstRun.StartBlank(d.d.Ctx)
	return StartResult(r), err
}

// Checklist reads each step of the newcomer's checklist.
func (d *Data) Checklist() (Checklist, error) {
	c, err := d.d.Studio.FirstRun.Checklist(d.d.Ctx)
	return Checklist(c), err
}

export namespace apicall {
	
	export class Auth {
	    type: string;
	    in?: string;
	    name?: string;
	    value?: string;
	    token?: string;
	    username?: string;
	    password?: string;
	
	    static createFrom(source: any = {}) {
	        return new Auth(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.type = source["type"];
	        this.in = source["in"];
	        this.name = source["name"];
	        this.value = source["value"];
	        this.token = source["token"];
	        this.username = source["username"];
	        this.password = source["password"];
	    }
	}
	export class PathSample {
	    path: string;
	    sample: string;
	    type: string;
	    items?: number;
	    itemShape?: string;
	
	    static createFrom(source: any = {}) {
	        return new PathSample(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.sample = source["sample"];
	        this.type = source["type"];
	        this.items = source["items"];
	        this.itemShape = source["itemShape"];
	    }
	}
	export class Mapping {
	    path: string;
	    attribute: string;
	
	    static createFrom(source: any = {}) {
	        return new Mapping(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.attribute = source["attribute"];
	    }
	}
	export class Retry {
	    maxTries: number;
	    idempotent: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Retry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.maxTries = source["maxTries"];
	        this.idempotent = source["idempotent"];
	    }
	}
	export class Part {
	    key: string;
	    value: string;
	    file?: boolean;
	    disabled?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Part(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.value = source["value"];
	        this.file = source["file"];
	        this.disabled = source["disabled"];
	    }
	}
	export class KV {
	    key: string;
	    value: string;
	    disabled?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new KV(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.value = source["value"];
	        this.disabled = source["disabled"];
	    }
	}
	export class Definition {
	    id?: number;
	    name: string;
	    method: string;
	    url: string;
	    query: KV[];
	    headers: KV[];
	    body: string;
	    bodyType?: string;
	    parts?: Part[];
	    auth: Auth;
	    timeoutMs: number;
	    followRedirects: boolean;
	    retry: Retry;
	    mappings: Mapping[];
	    sampleResponse?: string;
	    sampleStructure?: PathSample[];
	
	    static createFrom(source: any = {}) {
	        return new Definition(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.method = source["method"];
	        this.url = source["url"];
	        this.query = this.convertValues(source["query"], KV);
	        this.headers = this.convertValues(source["headers"], KV);
	        this.body = source["body"];
	        this.bodyType = source["bodyType"];
	        this.parts = this.convertValues(source["parts"], Part);
	        this.auth = this.convertValues(source["auth"], Auth);
	        this.timeoutMs = source["timeoutMs"];
	        this.followRedirects = source["followRedirects"];
	        this.retry = this.convertValues(source["retry"], Retry);
	        this.mappings = this.convertValues(source["mappings"], Mapping);
	        this.sampleResponse = source["sampleResponse"];
	        this.sampleStructure = this.convertValues(source["sampleStructure"], PathSample);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class MappingError {
	    path: string;
	    attribute: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new MappingError(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.attribute = source["attribute"];
	        this.message = source["message"];
	    }
	}
	
	

}

export namespace app {
	
	export class APISummary {
	    id: number;
	    name: string;
	    method: string;
	    url: string;
	    mappingCount: number;
	    usedBy: string[];
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new APISummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.method = source["method"];
	        this.url = source["url"];
	        this.mappingCount = source["mappingCount"];
	        this.usedBy = source["usedBy"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	export class AttributeInfo {
	    name: string;
	    type: string;
	    description: string;
	    builtIn: boolean;
	    usedBy: string[];
	    valueCount: number;
	
	    static createFrom(source: any = {}) {
	        return new AttributeInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.type = source["type"];
	        this.description = source["description"];
	        this.builtIn = source["builtIn"];
	        this.usedBy = source["usedBy"];
	        this.valueCount = source["valueCount"];
	    }
	}
	export class BackupInfo {
	    name: string;
	    path: string;
	    createdAt: string;
	    sizeBytes: number;
	    kind: string;
	
	    static createFrom(source: any = {}) {
	        return new BackupInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.path = source["path"];
	        this.createdAt = source["createdAt"];
	        this.sizeBytes = source["sizeBytes"];
	        this.kind = source["kind"];
	    }
	}
	export class CallLogEntry {
	    id: number;
	    at: string;
	    source: string;
	    contactId: number;
	    method: string;
	    url: string;
	    status: number;
	    durationMs: number;
	    error: string;
	    requestHeaders: apicall.KV[];
	    requestBody: string;
	    responseBody: string;
	    responseTruncated: boolean;
	
	    static createFrom(source: any = {}) {
	        return new CallLogEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.at = source["at"];
	        this.source = source["source"];
	        this.contactId = source["contactId"];
	        this.method = source["method"];
	        this.url = source["url"];
	        this.status = source["status"];
	        this.durationMs = source["durationMs"];
	        this.error = source["error"];
	        this.requestHeaders = this.convertValues(source["requestHeaders"], apicall.KV);
	        this.requestBody = source["requestBody"];
	        this.responseBody = source["responseBody"];
	        this.responseTruncated = source["responseTruncated"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Checklist {
	    steps: studio.ChecklistStep[];
	    flows: number;
	    done: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Checklist(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.steps = this.convertValues(source["steps"], studio.ChecklistStep);
	        this.flows = source["flows"];
	        this.done = source["done"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ContactDetail {
	    contact: studio.ContactSummary;
	    flowId: number;
	    nodeId: string;
	    lastActivity: string;
	
	    static createFrom(source: any = {}) {
	        return new ContactDetail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.contact = this.convertValues(source["contact"], studio.ContactSummary);
	        this.flowId = source["flowId"];
	        this.nodeId = source["nodeId"];
	        this.lastActivity = source["lastActivity"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ContactSummary {
	    id: number;
	    name: string;
	    phone: string;
	    waId: string;
	    userId: string;
	    unread: number;
	    botPaused: boolean;
	    windowOpen: boolean;
	    windowExpiresAt: string;
	    lastMessageAt: string;
	    last: studio.LastMessage;
	
	    static createFrom(source: any = {}) {
	        return new ContactSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.phone = source["phone"];
	        this.waId = source["waId"];
	        this.userId = source["userId"];
	        this.unread = source["unread"];
	        this.botPaused = source["botPaused"];
	        this.windowOpen = source["windowOpen"];
	        this.windowExpiresAt = source["windowExpiresAt"];
	        this.lastMessageAt = source["lastMessageAt"];
	        this.last = this.convertValues(source["last"], studio.LastMessage);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ContactValue {
	    name: string;
	    type: string;
	    value: string;
	    builtIn: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ContactValue(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.type = source["type"];
	        this.value = source["value"];
	        this.builtIn = source["builtIn"];
	    }
	}
	export class DataFolder {
	    path: string;
	    dbPath: string;
	    backupsPath: string;
	    sizeBytes: number;
	    restorePending: boolean;
	
	    static createFrom(source: any = {}) {
	        return new DataFolder(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.dbPath = source["dbPath"];
	        this.backupsPath = source["backupsPath"];
	        this.sizeBytes = source["sizeBytes"];
	        this.restorePending = source["restorePending"];
	    }
	}
	export class DeletedConversation {
	    files: number;
	    bytes: number;
	
	    static createFrom(source: any = {}) {
	        return new DeletedConversation(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.files = source["files"];
	        this.bytes = source["bytes"];
	    }
	}
	export class FlowSummary {
	    id: number;
	    name: string;
	    published: boolean;
	    valid: boolean;
	    problems: number;
	    version: number;
	    unpublishedChanges: boolean;
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new FlowSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.published = source["published"];
	        this.valid = source["valid"];
	        this.problems = source["problems"];
	        this.version = source["version"];
	        this.unpublishedChanges = source["unpublishedChanges"];
	        this.updatedAt = source["updatedAt"];
	    }
	}
	export class PublicAddress {
	    mode: string;
	    authtoken: config.SecretValue;
	    domain: string;
	    publicUrl: string;
	    callbackUrl: string;
	    verifyToken: string;
	    tunnel: studio.TunnelStatus;
	    lastVerifiedAt: string;
	    lastEventAt: string;
	
	    static createFrom(source: any = {}) {
	        return new PublicAddress(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.mode = source["mode"];
	        this.authtoken = this.convertValues(source["authtoken"], config.SecretValue);
	        this.domain = source["domain"];
	        this.publicUrl = source["publicUrl"];
	        this.callbackUrl = source["callbackUrl"];
	        this.verifyToken = source["verifyToken"];
	        this.tunnel = this.convertValues(source["tunnel"], studio.TunnelStatus);
	        this.lastVerifiedAt = source["lastVerifiedAt"];
	        this.lastEventAt = source["lastEventAt"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PublicAddressInput {
	    mode: string;
	    authtoken: string;
	    clearAuthtoken: boolean;
	    domain: string;
	    publicUrl: string;
	
	    static createFrom(source: any = {}) {
	        return new PublicAddressInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.mode = source["mode"];
	        this.authtoken = source["authtoken"];
	        this.clearAuthtoken = source["clearAuthtoken"];
	        this.domain = source["domain"];
	        this.publicUrl = source["publicUrl"];
	    }
	}
	export class RestoreResult {
	    message: string;
	    flows: number;
	
	    static createFrom(source: any = {}) {
	        return new RestoreResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.message = source["message"];
	        this.flows = source["flows"];
	    }
	}
	export class RowsPreview {
	    api: string;
	    items: number;
	    pages: flow.Option[][];
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new RowsPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.api = source["api"];
	        this.items = source["items"];
	        this.pages = this.convertValues(source["pages"], flow.Option);
	        this.note = source["note"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SaveResult {
	    flow: flow.Flow;
	    problems: flow.Problem[];
	
	    static createFrom(source: any = {}) {
	        return new SaveResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.flow = this.convertValues(source["flow"], flow.Flow);
	        this.problems = this.convertValues(source["problems"], flow.Problem);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SimSession {
	    id: string;
	    turn: studio.SimTurn;
	
	    static createFrom(source: any = {}) {
	        return new SimSession(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.turn = this.convertValues(source["turn"], studio.SimTurn);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SimTurn {
	    simId: string;
	    flowId: number;
	    replies: engine.Reply[];
	    state: string;
	    nodeId: string;
	    visited: string[];
	    attributes: Record<string, string>;
	    calls: studio.SimCall[];
	    errors: string[];
	    notice: string;
	
	    static createFrom(source: any = {}) {
	        return new SimTurn(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.simId = source["simId"];
	        this.flowId = source["flowId"];
	        this.replies = this.convertValues(source["replies"], engine.Reply);
	        this.state = source["state"];
	        this.nodeId = source["nodeId"];
	        this.visited = source["visited"];
	        this.attributes = source["attributes"];
	        this.calls = this.convertValues(source["calls"], studio.SimCall);
	        this.errors = source["errors"];
	        this.notice = source["notice"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class StartResult {
	    flowId: number;
	    flowName: string;
	    notice: string;
	
	    static createFrom(source: any = {}) {
	        return new StartResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.flowId = source["flowId"];
	        this.flowName = source["flowName"];
	        this.notice = source["notice"];
	    }
	}
	export class SystemInfo {
	    version: string;
	    commit: string;
	    mode: string;
	    dbPath: string;
	    webhookAddr: string;
	    startedAt: string;
	    openRoute: string;
	
	    static createFrom(source: any = {}) {
	        return new SystemInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.commit = source["commit"];
	        this.mode = source["mode"];
	        this.dbPath = source["dbPath"];
	        this.webhookAddr = source["webhookAddr"];
	        this.startedAt = source["startedAt"];
	        this.openRoute = source["openRoute"];
	    }
	}
	export class Template {
	    id: string;
	    title: string;
	    description: string;
	    features: string[];
	
	    static createFrom(source: any = {}) {
	        return new Template(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = source["title"];
	        this.description = source["description"];
	        this.features = source["features"];
	    }
	}
	export class TemplateSync {
	    templates: whatsapp.Template[];
	    syncedAt: string;
	    missing: string;
	    added: number;
	    updated: number;
	    removed: number;
	    unchanged: number;
	    skipped: number;
	
	    static createFrom(source: any = {}) {
	        return new TemplateSync(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.templates = this.convertValues(source["templates"], whatsapp.Template);
	        this.syncedAt = source["syncedAt"];
	        this.missing = source["missing"];
	        this.added = source["added"];
	        this.updated = source["updated"];
	        this.removed = source["removed"];
	        this.unchanged = source["unchanged"];
	        this.skipped = source["skipped"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TemplatesView {
	    templates: whatsapp.Template[];
	    syncedAt: string;
	    missing: string;
	
	    static createFrom(source: any = {}) {
	        return new TemplatesView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.templates = this.convertValues(source["templates"], whatsapp.Template);
	        this.syncedAt = source["syncedAt"];
	        this.missing = source["missing"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TestResult {
	    status: number;
	    durationMs: number;
	    size: number;
	    headers: apicall.KV[];
	    body: string;
	    bodyIsJSON: boolean;
	    error: string;
	    structure: apicall.PathSample[];
	    missing: string[];
	    mapped: Record<string, string>;
	    mappingErrors: apicall.MappingError[];
	    request: studio.TestRequest;
	    logId: number;
	
	    static createFrom(source: any = {}) {
	        return new TestResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.durationMs = source["durationMs"];
	        this.size = source["size"];
	        this.headers = this.convertValues(source["headers"], apicall.KV);
	        this.body = source["body"];
	        this.bodyIsJSON = source["bodyIsJSON"];
	        this.error = source["error"];
	        this.structure = this.convertValues(source["structure"], apicall.PathSample);
	        this.missing = source["missing"];
	        this.mapped = source["mapped"];
	        this.mappingErrors = this.convertValues(source["mappingErrors"], apicall.MappingError);
	        this.request = this.convertValues(source["request"], studio.TestRequest);
	        this.logId = source["logId"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TriggerCreated {
	    trigger: studio.TriggerView;
	    token: string;
	
	    static createFrom(source: any = {}) {
	        return new TriggerCreated(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.trigger = this.convertValues(source["trigger"], studio.TriggerView);
	        this.token = source["token"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TriggerInput {
	    name: string;
	    flow: string;
	    template: string;
	    language: string;
	    parameters: string[];
	    headerMediaUrl: string;
	
	    static createFrom(source: any = {}) {
	        return new TriggerInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.flow = source["flow"];
	        this.template = source["template"];
	        this.language = source["language"];
	        this.parameters = source["parameters"];
	        this.headerMediaUrl = source["headerMediaUrl"];
	    }
	}
	export class TriggerView {
	    name: string;
	    flow: string;
	    template: string;
	    language: string;
	    parameters: string[];
	    headerMediaUrl: string;
	    tokenHint: string;
	    createdAt: string;
	    lastUsedAt: string;
	    uses: number;
	    problem: string;
	
	    static createFrom(source: any = {}) {
	        return new TriggerView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.flow = source["flow"];
	        this.template = source["template"];
	        this.language = source["language"];
	        this.parameters = source["parameters"];
	        this.headerMediaUrl = source["headerMediaUrl"];
	        this.tokenHint = source["tokenHint"];
	        this.createdAt = source["createdAt"];
	        this.lastUsedAt = source["lastUsedAt"];
	        this.uses = source["uses"];
	        this.problem = source["problem"];
	    }
	}
	export class Tunnel {
	    found: boolean;
	    publicUrl: string;
	    target: string;
	    agent: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new Tunnel(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.found = source["found"];
	        this.publicUrl = source["publicUrl"];
	        this.target = source["target"];
	        this.agent = source["agent"];
	        this.note = source["note"];
	    }
	}
	export class WhatsAppSettings {
	    phoneNumberId: config.SettingValue;
	    businessAccountId: config.SettingValue;
	    accessToken: config.SecretValue;
	    appSecret: config.SecretValue;
	    verifyToken: config.SettingValue;
	    apiVersion: config.SettingValue;
	    graphUrl: config.SettingValue;
	    webhookAddr: config.SettingValue;
	    publicUrl: config.SettingValue;
	    staleMinutes: number;
	    rateLimit: number;
	    callbackUrl: string;
	
	    static createFrom(source: any = {}) {
	        return new WhatsAppSettings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.phoneNumberId = this.convertValues(source["phoneNumberId"], config.SettingValue);
	        this.businessAccountId = this.convertValues(source["businessAccountId"], config.SettingValue);
	        this.accessToken = this.convertValues(source["accessToken"], config.SecretValue);
	        this.appSecret = this.convertValues(source["appSecret"], config.SecretValue);
	        this.verifyToken = this.convertValues(source["verifyToken"], config.SettingValue);
	        this.apiVersion = this.convertValues(source["apiVersion"], config.SettingValue);
	        this.graphUrl = this.convertValues(source["graphUrl"], config.SettingValue);
	        this.webhookAddr = this.convertValues(source["webhookAddr"], config.SettingValue);
	        this.publicUrl = this.convertValues(source["publicUrl"], config.SettingValue);
	        this.staleMinutes = source["staleMinutes"];
	        this.rateLimit = source["rateLimit"];
	        this.callbackUrl = source["callbackUrl"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class WhatsAppSettingsInput {
	    phoneNumberId: string;
	    businessAccountId: string;
	    accessToken: string;
	    clearAccessToken: boolean;
	    appSecret: string;
	    clearAppSecret: boolean;
	    verifyToken: string;
	    apiVersion: string;
	    graphUrl: string;
	    webhookAddr: string;
	    publicUrl: string;
	    staleMinutes: number;
	    rateLimit: number;
	
	    static createFrom(source: any = {}) {
	        return new WhatsAppSettingsInput(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.phoneNumberId = source["phoneNumberId"];
	        this.businessAccountId = source["businessAccountId"];
	        this.accessToken = source["accessToken"];
	        this.clearAccessToken = source["clearAccessToken"];
	        this.appSecret = source["appSecret"];
	        this.clearAppSecret = source["clearAppSecret"];
	        this.verifyToken = source["verifyToken"];
	        this.apiVersion = source["apiVersion"];
	        this.graphUrl = source["graphUrl"];
	        this.webhookAddr = source["webhookAddr"];
	        this.publicUrl = source["publicUrl"];
	        this.staleMinutes = source["staleMinutes"];
	        this.rateLimit = source["rateLimit"];
	    }
	}
	export class WhatsAppStatus {
	    listener: server.ListenerStatus;
	    callbackUrl: string;
	    verifyToken: string;
	    lastVerifiedAt: string;
	    lastEventAt: string;
	    missing: string[];
	    queued: number;
	    sent: number;
	    failed: number;
	    sending: studio.SendTrouble;
	
	    static createFrom(source: any = {}) {
	        return new WhatsAppStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.listener = this.convertValues(source["listener"], server.ListenerStatus);
	        this.callbackUrl = source["callbackUrl"];
	        this.verifyToken = source["verifyToken"];
	        this.lastVerifiedAt = source["lastVerifiedAt"];
	        this.lastEventAt = source["lastEventAt"];
	        this.missing = source["missing"];
	        this.queued = source["queued"];
	        this.sent = source["sent"];
	        this.failed = source["failed"];
	        this.sending = this.convertValues(source["sending"], studio.SendTrouble);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace attribute {
	
	export class Definition {
	    name: string;
	    type: string;
	    description: string;
	    builtIn: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Definition(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.type = source["type"];
	        this.description = source["description"];
	        this.builtIn = source["builtIn"];
	    }
	}

}

export namespace bundle {
	
	export class Result {
	    created: string[];
	    replaced: string[];
	    published: string;
	    drafts: string[];
	
	    static createFrom(source: any = {}) {
	        return new Result(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.created = source["created"];
	        this.replaced = source["replaced"];
	        this.published = source["published"];
	        this.drafts = source["drafts"];
	    }
	}

}

export namespace config {
	
	export class SecretValue {
	    set: boolean;
	    hint: string;
	    overridden: boolean;
	    envVar: string;
	
	    static createFrom(source: any = {}) {
	        return new SecretValue(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.set = source["set"];
	        this.hint = source["hint"];
	        this.overridden = source["overridden"];
	        this.envVar = source["envVar"];
	    }
	}
	export class SettingValue {
	    value: string;
	    overridden: boolean;
	    envVar: string;
	
	    static createFrom(source: any = {}) {
	        return new SettingValue(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.value = source["value"];
	        this.overridden = source["overridden"];
	        this.envVar = source["envVar"];
	    }
	}

}

export namespace engine {
	
	export class Reply {
	    type: string;
	    text: string;
	    buttons?: flow.Option[];
	    button?: string;
	    rows?: flow.Option[];
	    mediaUrl?: string;
	    mediaType?: string;
	    template?: whatsapp.TemplateMessage;
	    mediaFile?: string;
	    filename?: string;
	    delayMs?: number;
	
	    static createFrom(source: any = {}) {
	        return new Reply(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.type = source["type"];
	        this.text = source["text"];
	        this.buttons = this.convertValues(source["buttons"], flow.Option);
	        this.button = source["button"];
	        this.rows = this.convertValues(source["rows"], flow.Option);
	        this.mediaUrl = source["mediaUrl"];
	        this.mediaType = source["mediaType"];
	        this.template = this.convertValues(source["template"], whatsapp.TemplateMessage);
	        this.mediaFile = source["mediaFile"];
	        this.filename = source["filename"];
	        this.delayMs = source["delayMs"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace flow {
	
	export class Edge {
	    id: string;
	    source: string;
	    sourceHandle: string;
	    target: string;
	
	    static createFrom(source: any = {}) {
	        return new Edge(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.source = source["source"];
	        this.sourceHandle = source["sourceHandle"];
	        this.target = source["target"];
	    }
	}
	export class Option {
	    id: string;
	    title: string;
	    description?: string;
	
	    static createFrom(source: any = {}) {
	        return new Option(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = source["title"];
	        this.description = source["description"];
	    }
	}
	export class NodeData {
	    keywords?: string[];
	    text?: string;
	    mediaUrl?: string;
	    mediaType?: string;
	    mediaFile?: string;
	    mediaName?: string;
	    attribute?: string;
	    validation?: string;
	    pattern?: string;
	    retryText?: string;
	    maxRetries?: number;
	    buttons?: Option[];
	    button?: string;
	    rows?: Option[];
	    rowsFrom?: string;
	    rowTitle?: string;
	    rowDescription?: string;
	    rowId?: string;
	    expression?: string;
	    value?: string;
	    api?: string;
	    routes?: string[];
	    seconds?: number;
	    template?: string;
	    language?: string;
	    parameters?: string[];
	    headerMediaUrl?: string;
	    quickReplies?: string[];
	
	    static createFrom(source: any = {}) {
	        return new NodeData(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.keywords = source["keywords"];
	        this.text = source["text"];
	        this.mediaUrl = source["mediaUrl"];
	        this.mediaType = source["mediaType"];
	        this.mediaFile = source["mediaFile"];
	        this.mediaName = source["mediaName"];
	        this.attribute = source["attribute"];
	        this.validation = source["validation"];
	        this.pattern = source["pattern"];
	        this.retryText = source["retryText"];
	        this.maxRetries = source["maxRetries"];
	        this.buttons = this.convertValues(source["buttons"], Option);
	        this.button = source["button"];
	        this.rows = this.convertValues(source["rows"], Option);
	        this.rowsFrom = source["rowsFrom"];
	        this.rowTitle = source["rowTitle"];
	        this.rowDescription = source["rowDescription"];
	        this.rowId = source["rowId"];
	        this.expression = source["expression"];
	        this.value = source["value"];
	        this.api = source["api"];
	        this.routes = source["routes"];
	        this.seconds = source["seconds"];
	        this.template = source["template"];
	        this.language = source["language"];
	        this.parameters = source["parameters"];
	        this.headerMediaUrl = source["headerMediaUrl"];
	        this.quickReplies = source["quickReplies"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Position {
	    x: number;
	    y: number;
	
	    static createFrom(source: any = {}) {
	        return new Position(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.x = source["x"];
	        this.y = source["y"];
	    }
	}
	export class Node {
	    id: string;
	    type: string;
	    position: Position;
	    data: NodeData;
	
	    static createFrom(source: any = {}) {
	        return new Node(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.type = source["type"];
	        this.position = this.convertValues(source["position"], Position);
	        this.data = this.convertValues(source["data"], NodeData);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Flow {
	    id: number;
	    name: string;
	    published: boolean;
	    version: number;
	    nodes: Node[];
	    edges: Edge[];
	    updatedAt: string;
	
	    static createFrom(source: any = {}) {
	        return new Flow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.published = source["published"];
	        this.version = source["version"];
	        this.nodes = this.convertValues(source["nodes"], Node);
	        this.edges = this.convertValues(source["edges"], Edge);
	        this.updatedAt = source["updatedAt"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	
	export class Problem {
	    nodeId: string;
	    edgeId?: string;
	    field: string;
	    message: string;
	    severity: string;
	
	    static createFrom(source: any = {}) {
	        return new Problem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.nodeId = source["nodeId"];
	        this.edgeId = source["edgeId"];
	        this.field = source["field"];
	        this.message = source["message"];
	        this.severity = source["severity"];
	    }
	}

}

export namespace inbox {
	
	export class MessageView {
	    id: number;
	    contactId: number;
	    direction: string;
	    waMessageId: string;
	    type: string;
	    text: string;
	    details: string;
	    status: string;
	    error: string;
	    source: string;
	    at: string;
	    attempts: number;
	    retryAt: string;
	
	    static createFrom(source: any = {}) {
	        return new MessageView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.contactId = source["contactId"];
	        this.direction = source["direction"];
	        this.waMessageId = source["waMessageId"];
	        this.type = source["type"];
	        this.text = source["text"];
	        this.details = source["details"];
	        this.status = source["status"];
	        this.error = source["error"];
	        this.source = source["source"];
	        this.at = source["at"];
	        this.attempts = source["attempts"];
	        this.retryAt = source["retryAt"];
	    }
	}

}

export namespace server {
	
	export class ListenerStatus {
	    addr: string;
	    state: string;
	    error: string;
	
	    static createFrom(source: any = {}) {
	        return new ListenerStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.addr = source["addr"];
	        this.state = source["state"];
	        this.error = source["error"];
	    }
	}

}

export namespace studio {
	
	export class ChecklistStep {
	    id: string;
	    title: string;
	    hint: string;
	    done: boolean;
	    href: string;
	
	    static createFrom(source: any = {}) {
	        return new ChecklistStep(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = source["title"];
	        this.hint = source["hint"];
	        this.done = source["done"];
	        this.href = source["href"];
	    }
	}
	export class ConnectionTest {
	    ok: boolean;
	    message: string;
	    phoneNumber: string;
	    verifiedName: string;
	
	    static createFrom(source: any = {}) {
	        return new ConnectionTest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ok = source["ok"];
	        this.message = source["message"];
	        this.phoneNumber = source["phoneNumber"];
	        this.verifiedName = source["verifiedName"];
	    }
	}
	export class LastMessage {
	    direction: string;
	    source: string;
	    type: string;
	    text: string;
	    status: string;
	    at: string;
	
	    static createFrom(source: any = {}) {
	        return new LastMessage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.direction = source["direction"];
	        this.source = source["source"];
	        this.type = source["type"];
	        this.text = source["text"];
	        this.status = source["status"];
	        this.at = source["at"];
	    }
	}
	export class ContactSummary {
	    id: number;
	    name: string;
	    phone: string;
	    waId: string;
	    userId: string;
	    unread: number;
	    botPaused: boolean;
	    windowOpen: boolean;
	    windowExpiresAt: string;
	    lastMessageAt: string;
	    last: LastMessage;
	
	    static createFrom(source: any = {}) {
	        return new ContactSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.phone = source["phone"];
	        this.waId = source["waId"];
	        this.userId = source["userId"];
	        this.unread = source["unread"];
	        this.botPaused = source["botPaused"];
	        this.windowOpen = source["windowOpen"];
	        this.windowExpiresAt = source["windowExpiresAt"];
	        this.lastMessageAt = source["lastMessageAt"];
	        this.last = this.convertValues(source["last"], LastMessage);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class FieldProblem {
	    field: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new FieldProblem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.message = source["message"];
	    }
	}
	
	export class PublishPreview {
	    flowName: string;
	    replaces: string;
	    connected: boolean;
	    missing: string[];
	    blocker: string;
	
	    static createFrom(source: any = {}) {
	        return new PublishPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.flowName = source["flowName"];
	        this.replaces = source["replaces"];
	        this.connected = source["connected"];
	        this.missing = source["missing"];
	        this.blocker = source["blocker"];
	    }
	}
	export class SendTrouble {
	    waiting: number;
	    retrying: number;
	    reason: string;
	    nextAttempt: number;
	    retryAt: string;
	
	    static createFrom(source: any = {}) {
	        return new SendTrouble(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.waiting = source["waiting"];
	        this.retrying = source["retrying"];
	        this.reason = source["reason"];
	        this.nextAttempt = source["nextAttempt"];
	        this.retryAt = source["retryAt"];
	    }
	}
	export class SimCall {
	    api: string;
	    status: number;
	    route: string;
	    error: string;
	    durationMs: number;
	    mapped: Record<string, string>;
	    method: string;
	    url: string;
	    requestHeaders: apicall.KV[];
	    requestBody: string;
	    responseBody: string;
	    responseTruncated: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SimCall(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.api = source["api"];
	        this.status = source["status"];
	        this.route = source["route"];
	        this.error = source["error"];
	        this.durationMs = source["durationMs"];
	        this.mapped = source["mapped"];
	        this.method = source["method"];
	        this.url = source["url"];
	        this.requestHeaders = this.convertValues(source["requestHeaders"], apicall.KV);
	        this.requestBody = source["requestBody"];
	        this.responseBody = source["responseBody"];
	        this.responseTruncated = source["responseTruncated"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SimTurn {
	    simId: string;
	    flowId: number;
	    replies: engine.Reply[];
	    state: string;
	    nodeId: string;
	    visited: string[];
	    attributes: Record<string, string>;
	    calls: SimCall[];
	    errors: string[];
	    notice: string;
	
	    static createFrom(source: any = {}) {
	        return new SimTurn(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.simId = source["simId"];
	        this.flowId = source["flowId"];
	        this.replies = this.convertValues(source["replies"], engine.Reply);
	        this.state = source["state"];
	        this.nodeId = source["nodeId"];
	        this.visited = source["visited"];
	        this.attributes = source["attributes"];
	        this.calls = this.convertValues(source["calls"], SimCall);
	        this.errors = source["errors"];
	        this.notice = source["notice"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TestRequest {
	    method: string;
	    url: string;
	    headers: apicall.KV[];
	    body: string;
	
	    static createFrom(source: any = {}) {
	        return new TestRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.method = source["method"];
	        this.url = source["url"];
	        this.headers = this.convertValues(source["headers"], apicall.KV);
	        this.body = source["body"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TriggerView {
	    name: string;
	    flow: string;
	    template: string;
	    language: string;
	    parameters: string[];
	    headerMediaUrl: string;
	    tokenHint: string;
	    createdAt: string;
	    lastUsedAt: string;
	    uses: number;
	    problem: string;
	
	    static createFrom(source: any = {}) {
	        return new TriggerView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.flow = source["flow"];
	        this.template = source["template"];
	        this.language = source["language"];
	        this.parameters = source["parameters"];
	        this.headerMediaUrl = source["headerMediaUrl"];
	        this.tokenHint = source["tokenHint"];
	        this.createdAt = source["createdAt"];
	        this.lastUsedAt = source["lastUsedAt"];
	        this.uses = source["uses"];
	        this.problem = source["problem"];
	    }
	}
	export class TunnelStatus {
	    state: string;
	    url: string;
	    error: string;
	    retryAt: string;
	    since: string;
	
	    static createFrom(source: any = {}) {
	        return new TunnelStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.state = source["state"];
	        this.url = source["url"];
	        this.error = source["error"];
	        this.retryAt = source["retryAt"];
	        this.since = source["since"];
	    }
	}

}

export namespace whatsapp {
	
	export class TemplateButton {
	    type: string;
	    text: string;
	    url?: string;
	    phone?: string;
	
	    static createFrom(source: any = {}) {
	        return new TemplateButton(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.type = source["type"];
	        this.text = source["text"];
	        this.url = source["url"];
	        this.phone = source["phone"];
	    }
	}
	export class TemplateHeader {
	    format: string;
	    text?: string;
	    example?: string;
	
	    static createFrom(source: any = {}) {
	        return new TemplateHeader(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.format = source["format"];
	        this.text = source["text"];
	        this.example = source["example"];
	    }
	}
	export class Template {
	    id: string;
	    name: string;
	    language: string;
	    category: string;
	    status: string;
	    rejectedReason?: string;
	    parameterFormat: string;
	    header?: TemplateHeader;
	    body: string;
	    footer?: string;
	    buttons?: TemplateButton[];
	    unsupported?: string;
	    examples?: Record<string, string>;
	
	    static createFrom(source: any = {}) {
	        return new Template(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.language = source["language"];
	        this.category = source["category"];
	        this.status = source["status"];
	        this.rejectedReason = source["rejectedReason"];
	        this.parameterFormat = source["parameterFormat"];
	        this.header = this.convertValues(source["header"], TemplateHeader);
	        this.body = source["body"];
	        this.footer = source["footer"];
	        this.buttons = this.convertValues(source["buttons"], TemplateButton);
	        this.unsupported = source["unsupported"];
	        this.examples = source["examples"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class TemplateQuickReply {
	    index: number;
	    payload: string;
	
	    static createFrom(source: any = {}) {
	        return new TemplateQuickReply(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.index = source["index"];
	        this.payload = source["payload"];
	    }
	}
	export class TemplateValue {
	    component: string;
	    index: number;
	    name: string;
	    example?: string;
	    value: string;
	    url?: string;
	
	    static createFrom(source: any = {}) {
	        return new TemplateValue(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.component = source["component"];
	        this.index = source["index"];
	        this.name = source["name"];
	        this.example = source["example"];
	        this.value = source["value"];
	        this.url = source["url"];
	    }
	}
	export class TemplateMessage {
	    name: string;
	    language: string;
	    named?: boolean;
	    headerType?: string;
	    headerMediaUrl?: string;
	    values?: TemplateValue[];
	    quickReplies?: TemplateQuickReply[];
	    header?: string;
	    body: string;
	    footer?: string;
	    buttons?: string[];
	
	    static createFrom(source: any = {}) {
	        return new TemplateMessage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.language = source["language"];
	        this.named = source["named"];
	        this.headerType = source["headerType"];
	        this.headerMediaUrl = source["headerMediaUrl"];
	        this.values = this.convertValues(source["values"], TemplateValue);
	        this.quickReplies = this.convertValues(source["quickReplies"], TemplateQuickReply);
	        this.header = source["header"];
	        this.body = source["body"];
	        this.footer = source["footer"];
	        this.buttons = source["buttons"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	

}


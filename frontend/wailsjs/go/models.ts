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
	
	    static createFrom(source: any = {}) {
	        return new PathSample(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.sample = source["sample"];
	        this.type = source["type"];
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
	    auth: Auth;
	    timeoutMs: number;
	    followRedirects: boolean;
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
	        this.auth = this.convertValues(source["auth"], Auth);
	        this.timeoutMs = source["timeoutMs"];
	        this.followRedirects = source["followRedirects"];
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
	export class SystemInfo {
	    version: string;
	    commit: string;
	    mode: string;
	    dbPath: string;
	    webhookAddr: string;
	    startedAt: string;
	
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
	    request: TestRequest;
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
	        this.request = this.convertValues(source["request"], TestRequest);
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


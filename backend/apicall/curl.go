package apicall

import (
	"fmt"
	"net/url"
	"strings"
)

// curlCommand collects what the options of one curl command say.
type curlCommand struct {
	method  string
	rawURL  string
	headers []KV
	data    []string
	isJSON  bool
	get     bool
	user    string
	hasUser bool
	follow  bool
	maxTime string
}

// Options whose value is consumed and ignored (they do not change the API).
var curlIgnoredWithValue = map[string]bool{
	"-o": true, "--output": true, "--connect-timeout": true, "--retry": true, "-w": true, "--write-out": true,
	"--cacert": true, "--cert": true, "-E": true, "--key": true, "-x": true, "--proxy": true,
	"--resolve": true, "--limit-rate": true, "-r": true, "--range": true, "-c": true, "--cookie-jar": true,
	"--retry-delay": true, "--retry-max-time": true, "-K": true, "--config": true,
}

// Short options that take a value; the value may be glued on (-XPOST).
const curlShortWithValue = "XHdumAebowEKxrcF"

// ParseCurl reads a pasted curl command into a definition: method, URL with
// its query string split into rows, headers, body (-d and friends, --json),
// basic auth (-u or an "Authorization: Basic" header), bearer auth (an
// "Authorization: Bearer" header), -G (data goes to the query), -L (follow
// redirects) and -m (timeout). The name is a suggestion built from the URL.
func ParseCurl(cmd string) (Definition, error) {
	words, err := shellWords(strings.TrimSpace(cmd))
	if err != nil {
		return Definition{}, fmt.Errorf("apicall: parse curl: %w", err)
	}
	if len(words) > 0 && (words[0] == "$" || words[0] == ">") {
		words = words[1:]
	}
	if len(words) == 0 || !strings.EqualFold(words[0], "curl") {
		return Definition{}, fmt.Errorf("apicall: parse curl: paste a command that starts with curl")
	}
	c := &curlCommand{}
	if err := c.readOptions(words[1:]); err != nil {
		return Definition{}, fmt.Errorf("apicall: parse curl: %w", err)
	}
	def, err := c.definition()
	if err != nil {
		return Definition{}, fmt.Errorf("apicall: parse curl: %w", err)
	}
	return def, nil
}

func (c *curlCommand) readOptions(args []string) error {
	for i := 0; i < len(args); i++ {
		arg := args[i]
		next := func() (string, error) {
			if i+1 >= len(args) {
				return "", fmt.Errorf("option %s needs a value", arg)
			}
			i++
			return args[i], nil
		}
		switch {
		case arg == "--":
			continue
		case strings.HasPrefix(arg, "--"):
			name, val, glued := strings.Cut(arg, "=")
			if glued && curlLongTakesValue(name) {
				if err := c.apply(name, val); err != nil {
					return err
				}
				continue
			}
			if curlLongTakesValue(arg) {
				v, err := next()
				if err != nil {
					return err
				}
				if err := c.apply(arg, v); err != nil {
					return err
				}
				continue
			}
			if err := c.apply(arg, ""); err != nil {
				return err
			}
		case strings.HasPrefix(arg, "-") && len(arg) > 1:
			for j := 1; j < len(arg); j++ {
				opt := "-" + string(arg[j])
				if !strings.ContainsRune(curlShortWithValue, rune(arg[j])) {
					if err := c.apply(opt, ""); err != nil {
						return err
					}
					continue
				}
				v := arg[j+1:]
				if v == "" {
					var err error
					if v, err = next(); err != nil {
						return err
					}
				}
				if err := c.apply(opt, v); err != nil {
					return err
				}
				break
			}
		default:
			if c.rawURL == "" {
				c.rawURL = arg
			}
		}
	}
	return nil
}

func curlLongTakesValue(name string) bool {
	switch name {
	case "--request", "--url", "--header", "--data", "--data-raw", "--data-binary", "--data-ascii",
		"--data-urlencode", "--json", "--user", "--max-time", "--user-agent", "--referer", "--cookie", "--form", "--form-string":
		return true
	}
	return curlIgnoredWithValue[name]
}

// apply records one option; v is its value ("" for flags).
func (c *curlCommand) apply(opt, v string) error {
	switch opt {
	case "-X", "--request":
		c.method = strings.ToUpper(v)
	case "--url":
		c.rawURL = v
	case "-H", "--header":
		name, value, ok := strings.Cut(v, ":")
		if !ok {
			if name, ok = strings.CutSuffix(v, ";"); !ok {
				return fmt.Errorf("the header %q has no colon", v)
			}
		}
		c.headers = append(c.headers, KV{Key: strings.TrimSpace(name), Value: strings.TrimSpace(value)})
	case "-d", "--data", "--data-raw", "--data-binary", "--data-ascii", "--json":
		if strings.HasPrefix(v, "@") && opt != "--data-raw" {
			return fmt.Errorf("reading the body from a file (%s) is not supported; paste the body itself", v)
		}
		c.data = append(c.data, v)
		c.isJSON = c.isJSON || opt == "--json"
	case "--data-urlencode":
		c.data = append(c.data, urlencodeData(v))
	case "-F", "--form", "--form-string":
		return fmt.Errorf("multipart forms (%s) are not supported; use JSON or form-urlencoded data", opt)
	case "-u", "--user":
		c.user, c.hasUser = v, true
	case "-G", "--get":
		c.get = true
	case "-L", "--location":
		c.follow = true
	case "-I", "--head":
		c.method = "HEAD"
	case "-m", "--max-time":
		c.maxTime = v
	case "-A", "--user-agent":
		c.headers = append(c.headers, KV{Key: "User-Agent", Value: v})
	case "-e", "--referer":
		c.headers = append(c.headers, KV{Key: "Referer", Value: v})
	case "-b", "--cookie":
		c.headers = append(c.headers, KV{Key: "Cookie", Value: v})
	}
	return nil
}

// urlencodeData implements --data-urlencode's "name=content" and "content".
func urlencodeData(v string) string {
	if name, content, ok := strings.Cut(v, "="); ok {
		if name == "" {
			return url.QueryEscape(content)
		}
		return name + "=" + url.QueryEscape(content)
	}
	return url.QueryEscape(v)
}

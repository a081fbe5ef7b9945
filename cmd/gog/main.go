// Command gog is Google Workspace in the terminal.
package main

import (
	"os"

	"github.com/gogcli/gog/internal/cli"
)

func main() { os.Exit(cli.Main(os.Args[1:])) }

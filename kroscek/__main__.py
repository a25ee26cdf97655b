from kroscek.cli import main

main()
